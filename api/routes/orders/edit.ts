/** Changes of a draft: PATCH (edit), PUT …/configuration, DELETE; each through the draft's revision claim. */
import type { Request, RequestHandler } from 'express';
import { orderTimeZone } from '../../../domain/address';
import type { PortInOrderDraft } from '../../../domain/order';
import { numberCountProblem } from '../../../domain/intake/eligibility';
import { quotedChargeProblems } from '../../../domain/porting-charges';
import { configurationRefusal } from '../../../domain/number-actions';
import type { StoredOrder } from '../../../store/draft';
import { principalOf } from '../../auth';
import { changeDraft, withPaths } from '../../draft-changes';
import { orderView } from '../../order-view';
import { HttpProblem, ProblemCollector } from '../../problems';
import { draftPatchSchema, parse } from '../../schemas';
import { checkedConfiguration } from '../../field-rules';
import { normalizedOrThrow, plausibleNumberList, rawBody, requireDraft, type OrderContext } from './context';

/** A configuration change that found the order submitted: it is written as a submitted order's. */
class NoLongerDraft extends Error {}

export const editDraft =
  ({ store, cipher, loadVisible, viewerOf }: OrderContext): RequestHandler =>
  async (req, res) => {
    // Planned on the draft as it stands, again if another change landed first (api/draft-changes.ts).
    const next = await changeDraft(
      store,
      'edit',
      () => loadVisible(req),
      (order) => {
        requireDraft(order);
        const set = draftPatch(cipher, req, order);
        const timeZone = orderTimeZone(withPaths(order, set).draft as unknown as PortInOrderDraft);
        if (timeZone && timeZone !== order.timeZone) set.timeZone = timeZone;
        return { update: { $set: set } };
      },
    );
    res.json(orderView(next!, cipher, viewerOf(req)));
  };

/** What a PATCH writes into the draft, checked as at create: every problem in one answer. */
function draftPatch(
  cipher: OrderContext['cipher'],
  req: Request,
  order: StoredOrder,
): Record<string, unknown> {
  const problems = new ProblemCollector();
  const parsed = problems.collect(() => parse(draftPatchSchema, req.body));
  const raw = rawBody(req);
  const requested = parsed ? parsed.phoneNumbers : plausibleNumberList(raw.phoneNumbers);
  let phoneNumbers: string[] | undefined;
  if (requested) {
    const projectPort = (parsed ? parsed.projectPort : undefined) ?? order.draft.projectPort === true;
    const tooMany = numberCountProblem(requested.length, principalOf(req).role, projectPort);
    if (tooMany) problems.add(tooMany);
    phoneNumbers = problems.collect(() => normalizedOrThrow(requested, order.country));
  }
  // Support quotes the charge of a port outside the US and Canada (domain/porting-charges.ts).
  const quoted = parsed ? parsed.quotedPortingChargeCents : raw.quotedPortingChargeCents;
  for (const q of quotedChargeProblems(
    { country: order.country, quotedPortingChargeCents: quoted },
    principalOf(req).role,
  ))
    problems.add(q);
  problems.throwIfAny();
  const patch = parsed!;
  const set: Record<string, unknown> = {};
  const { losingCarrier, phoneNumbers: _raw, ...plain } = patch;
  for (const [key, value] of Object.entries(plain)) if (value !== undefined) set[`draft.${key}`] = value;
  if (losingCarrier) {
    const { accountNumber, pin, ...rest } = losingCarrier;
    for (const [key, value] of Object.entries(rest)) set[`draft.losingCarrier.${key}`] = value;
    if (accountNumber) set['draft.losingCarrier.accountNumberSealed'] = cipher.encrypt(accountNumber);
    if (pin) set['draft.losingCarrier.pinSealed'] = cipher.encrypt(pin);
  }
  if (phoneNumbers) {
    set.phoneNumbers = phoneNumbers;
    set['draft.numbers'] = phoneNumbers.map((phoneNumber) => ({ phoneNumber }));
  }
  if (patch.customerReference !== undefined) set.customerReference = patch.customerReference;
  return set;
}

export const setConfiguration =
  ({ store, loadVisible, models: { Order } }: OrderContext): RequestHandler =>
  async (req, res) => {
    const order = await loadVisible(req);
    // The schema and submit's configuration rules (api/field-rules.ts): refused, nothing is written.
    const configuration = checkedConfiguration(order, req.body);
    // Applied at activation (the activity reads it then): the one rule in domain/number-actions.ts.
    const refusal = configurationRefusal(order as { status: string; numbers: { activated?: boolean }[] });
    if (refusal === 'number_closed')
      throw new HttpProblem(
        409,
        'number_closed',
        'numbers of this order are already activated with their configuration',
      );
    if (refusal === 'order_closed')
      throw new HttpProblem(409, 'order_closed', `the order is ${order.status}`);
    const set = { 'draft.configuration': configuration };
    if (order.status === 'draft') {
      // A draft changes through its revision claim; submitted meanwhile, it is written as below.
      const submitted = await changeDraft(
        store,
        'configuration',
        () => loadVisible(req),
        (current) =>
          current.status === 'draft' ? { update: { $set: set } } : Promise.reject(new NoLongerDraft()),
      ).then(
        () => false,
        (err: unknown) => (err instanceof NoLongerDraft ? true : Promise.reject(err)),
      );
      if (!submitted) return res.json({ configuration });
    }
    await Order.updateOne({ _id: order._id }, { $set: set });
    res.json({ configuration });
  };

export const deleteDraft =
  ({ store, loadVisible }: OrderContext): RequestHandler =>
  async (req, res) => {
    await changeDraft(
      store,
      'delete',
      () => loadVisible(req),
      (order) => {
        requireDraft(order);
        return { delete: true };
      },
    );
    res.status(204).end();
  };
