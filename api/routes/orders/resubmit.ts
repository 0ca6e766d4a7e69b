/**
 * POST …/resubmit after a rejection: the corrections checked by submit's own rules
 * (api/field-rules.ts), the workflow's own rule (domain/resubmission.ts) asked first, the order's
 * resubmission round claimed by insert (store/resubmission-claims.ts: of concurrent resubmissions
 * exactly one goes on), the corrections stored (secrets sealed) for the submission to read, and put
 * back if the workflow refuses after all: a refused resubmission changes nothing stored.
 */
import type { RequestHandler } from 'express';
import { resubmissionRefusal } from '../../../domain/resubmission';
import type { StoredOrder } from '../../../store/draft';
import {
  claimResubmission,
  releaseResubmission,
  resubmissionRound,
} from '../../../store/resubmission-claims';
import { checkedResubmission } from '../../field-rules';
import { HttpProblem } from '../../problems';
import { actorOf, requireSubmitted, type OrderContext } from './context';

export const resubmitOrder =
  ({
    store,
    cipher,
    workflow,
    loadVisible,
    orderAfterUpdate,
    models: { Order },
  }: OrderContext): RequestHandler =>
  async (req, res) => {
    const order = await loadVisible(req);
    const body = checkedResubmission(order, req.body);
    requireSubmitted(order);
    // Refused means unchanged: the workflow's own rule (domain/resubmission.ts), asked against its
    // status, refuses before anything is written.
    const status = await workflow.status(order._id);
    const refusal = resubmissionRefusal(
      status.numbers.map((n) => ({
        phoneNumber: n.phoneNumber,
        status: n.status,
        resubmitBy: n.rejection?.resubmitBy ? Date.parse(n.rejection.resubmitBy) : undefined,
        submissionRefused: n.submissionRefusal !== undefined,
      })),
      body.phoneNumbers,
      Date.now(),
    );
    if (refusal) throw new HttpProblem(409, refusal.code, refusal.message);
    // One resubmission of this round at a time: a second one would write its corrections over the
    // first's, and its put-back on refusal could undo the accepted one's.
    const claim = await claimResubmission(store, order._id, resubmissionRound(status.numbers));
    if (!claim)
      throw new HttpProblem(
        409,
        'concurrent_change',
        'another resubmission of this order is under way; read the order again before resubmitting',
      );
    // Corrections are stored (secrets sealed) before the workflow resubmits, since its submission reads
    // them from the store; only field names travel to it.
    const set: Record<string, unknown> = {};
    if (body.corrections.accountNumber)
      set['draft.losingCarrier.accountNumberSealed'] = cipher.encrypt(body.corrections.accountNumber);
    if (body.corrections.pin) set['draft.losingCarrier.pinSealed'] = cipher.encrypt(body.corrections.pin);
    if (body.corrections.btn) set['draft.losingCarrier.btn'] = body.corrections.btn;
    for (const [k, v] of Object.entries(body.corrections.authorizedPerson ?? {}))
      set[`draft.authorizedPerson.${k}`] = v;
    if (Object.keys(set).length)
      await Order.updateOne({ _id: order._id }, { $set: set }).catch(async (err: unknown) => {
        await releaseResubmission(store, claim).catch(() => undefined); // nothing was written
        throw err;
      });
    let result;
    try {
      result = await workflow.resubmit(order._id, {
        actor: actorOf(req),
        correctedFields: Object.keys(body.corrections),
        ...(body.phoneNumbers ? { phoneNumbers: body.phoneNumbers } : {}),
      });
    } catch (err) {
      // Refused after all (the order moved between the question and the update): put back what was
      // there, unless someone has written those fields since, and free the round. An outage is not
      // a refusal: the update may still run, needs the corrections and keeps the round (a claim
      // whose resubmission never ran is passed over once stale).
      if (err instanceof HttpProblem) {
        if (Object.keys(set).length) await restoreFields(Order, order, set);
        await releaseResubmission(store, claim);
      }
      throw err;
    }
    res.json({ ...result, order: await orderAfterUpdate(order._id, req) });
  };

/** Puts back the stored values of `written` paths (as in `before`), if they still hold what was written. */
async function restoreFields(
  Order: OrderContext['models']['Order'],
  before: StoredOrder,
  written: Record<string, unknown>,
) {
  const $set: Record<string, unknown> = {};
  const $unset: Record<string, 1> = {};
  for (const path of Object.keys(written)) {
    const value = path
      .split('.')
      .reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], before);
    if (value === undefined) $unset[path] = 1;
    else $set[path] = value;
  }
  $set.updatedAt = (before as { updatedAt?: Date }).updatedAt;
  await Order.updateOne(
    { _id: before._id, ...written },
    { $set, ...(Object.keys($unset).length ? { $unset } : {}) },
    { timestamps: false },
  );
}
