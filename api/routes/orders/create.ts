/** POST /v1/port-in-orders: a draft (or several, split by losing-carrier account and number type). */
import type { RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
import { orderTimeZone } from '../../../domain/address';
import type { PortInOrderDraft } from '../../../domain/order';
import { numberCountProblem, planRefusal } from '../../../domain/intake/eligibility';
import { quotedChargeProblems } from '../../../domain/porting-charges';
import { splitDraftNumbers } from '../../../domain/splitting';
import type { StoredOrder } from '../../../store/draft';
import { claimSlots } from '../../../store/list-index';
import { orderLists } from '../../../store/listed-items';
import { principalOf } from '../../auth';
import { orderView } from '../../order-view';
import { HttpProblem, ProblemCollector } from '../../problems';
import { createOrderSchema, parse, type CreateOrderBody } from '../../schemas';
import { normalizedOrThrow, plausibleNumberList, rawBody, type OrderContext } from './context';

export const createOrder =
  ({ store, cipher, deps, viewerOf, models: { Order, Account } }: OrderContext): RequestHandler =>
  async (req, res) => {
    // Every independent check runs, so one 422 names every problem (the schema's, the account's,
    // each number's); checks that need a field the schema refused read it from the raw body if usable.
    const problems = new ProblemCollector();
    const parsed = problems.collect(() => parse(createOrderSchema, req.body));
    const raw = rawBody(req);
    const p = principalOf(req);
    const named = parsed?.accountId ?? (typeof raw.accountId === 'string' ? raw.accountId : undefined);
    const accountId = p.role === 'customer' ? p.accountId! : named;
    if (!accountId)
      problems.add(
        { code: 'required', field: 'accountId', message: 'required for support' },
        'invalid_request',
      );
    const account = accountId ? await Account.findById(accountId, { plan: 1 }).lean() : null;
    if (accountId && !account)
      problems.add({ code: 'unknown_account', field: 'accountId', message: `no account ${accountId}` });
    // At the door: a plan that may not port gets no draft to fail at submit later.
    const planRefused = account ? planRefusal(account.plan) : undefined;
    if (planRefused)
      throw new HttpProblem(403, 'plan_not_eligible', planRefused.message, [planRefused], {
        plan: account!.plan,
      });
    const country = parsed?.country ?? (typeof raw.country === 'string' ? raw.country : undefined);
    const rawNumbers = parsed?.phoneNumbers ?? plausibleNumberList(raw.phoneNumbers);
    if (rawNumbers) {
      const tooMany = numberCountProblem(rawNumbers.length, p.role, raw.projectPort === true);
      if (tooMany) problems.add(tooMany);
    }
    const phoneNumbers =
      country && rawNumbers ? problems.collect(() => normalizedOrThrow(rawNumbers, country)) : undefined;
    // Support quotes the charge of a port outside the US and Canada (domain/porting-charges.ts).
    const quoted = parsed?.quotedPortingChargeCents ?? raw.quotedPortingChargeCents;
    if (country)
      for (const q of quotedChargeProblems({ country, quotedPortingChargeCents: quoted }, p.role))
        problems.add(q);
    problems.throwIfAny();
    const body = parsed!;
    if (!accountId || !phoneNumbers) throw new Error('unreachable: checked above');
    // Numbers on different losing-carrier accounts, or toll-free mixed with local, port as separate
    // orders (carriers take one account per request; toll-free goes through the RespOrg change).
    const groups = splitDraftNumbers(
      phoneNumbers.map((phoneNumber) => ({ phoneNumber })),
      await deps.carrier.lookupNumbers(phoneNumbers),
    );
    const created = [];
    for (const group of groups) {
      const draft = sealedDraft(cipher, body, accountId, group.phoneNumbers);
      const id = `pio_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
      // Listed first: a slot whose order is never written is skipped by the list (store/list-index.ts).
      const listSlots = await claimSlots(store, orderLists(accountId), id, new Date());
      const order = await Order.create({
        _id: id,
        listSlots,
        accountId,
        status: 'draft',
        customerReference: body.customerReference,
        country: body.country,
        timeZone: orderTimeZone(draft as unknown as PortInOrderDraft) ?? 'America/New_York',
        draft,
        phoneNumbers: group.phoneNumbers,
        numbers: [],
      });
      created.push({
        ...orderView(order.toObject() as unknown as StoredOrder, cipher, viewerOf(req)),
        ...(groups.length > 1 ? { splitReason: group.description } : {}),
      });
    }
    res.status(201).json({ orders: created });
  };

/** The stored draft: carrier secrets sealed, never kept in clear. */
function sealedDraft(
  cipher: OrderContext['cipher'],
  body: CreateOrderBody,
  accountId: string,
  phoneNumbers: string[],
) {
  const { accountNumber, pin, ...losing } = body.losingCarrier;
  const { phoneNumbers: _raw, ...rest } = body;
  return {
    ...rest,
    accountId,
    numbers: phoneNumbers.map((phoneNumber) => ({ phoneNumber })),
    documents: [],
    losingCarrier: {
      ...losing,
      ...(accountNumber ? { accountNumberSealed: cipher.encrypt(accountNumber) } : {}),
      ...(pin ? { pinSealed: cipher.encrypt(pin) } : {}),
    },
  };
}
