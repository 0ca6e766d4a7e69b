/**
 * A submit that dies between claiming its numbers' holds and marking its order submitted leaves the
 * holds on a draft. Such a hold lasts only as long as a submit takes (DRAFT_HOLD_MS): after that
 * another order's submit takes the number over; before it, the submit may still be in flight and
 * the number stays held. The crash is simulated by inserting the hold as submit claims it.
 */
import { DRAFT_HOLD_MS } from '../../domain/number-holds';
import { findNumberHolds } from '../../store/number-holds';
import { api } from '../support/api-client';
import { readyDraft } from '../support/order-fixtures';
import { KEYS, useStack } from '../support/stack';

const stack = useStack({ autoAnswer: false });
const customer = () => api(stack.apiUrl, KEYS.customerKey);
const submit = (orderId: string) => customer().post(`/v1/port-in-orders/${orderId}/submit`);
const stored = (orderId: string) => stack.store.models.Order.findById(orderId).lean();
const holdOf = (phone: string) => stack.store.models.NumberHold.findById(phone).lean();

/** The hold a submit of `orderId` claimed `ageMs` ago, its order never marked submitted. */
async function holdLeftBy(orderId: string, phone: string, ageMs: number): Promise<void> {
  const order = await stored(orderId);
  await stack.store.models.NumberHold.create({
    _id: phone,
    orderId,
    accountId: order!.accountId,
    since: new Date(Date.now() - ageMs),
  });
}

test('a hold left on a draft by a dead submit lapses: another order submits the number', async () => {
  const phone = '+12125550340';
  const crashed = await readyDraft(customer(), phone);
  const other = await readyDraft(customer(), phone);
  await holdLeftBy(crashed, phone, DRAFT_HOLD_MS + 60_000);

  expect((await findNumberHolds(stack.store, [phone])).inOpenOrder.size).toBe(0);
  const res = await submit(other);
  expect(res.status).toBe(202);
  expect(await holdOf(phone)).toMatchObject({ orderId: other });
  expect(await stack.store.models.NumberHold.countDocuments({ _id: phone })).toBe(1);

  // The crashed draft is a draft still, and now the number is the other order's: refused as usual.
  expect(await stored(crashed)).toMatchObject({ status: 'draft', numbers: [] });
  const refused = await submit(crashed);
  expect(refused.status).toBe(422);
  expect(refused.body.errors).toEqual([expect.objectContaining({ code: 'number_in_open_order' })]);
  expect(await holdOf(phone)).toMatchObject({ orderId: other });
}, 90_000);

test('a fresh hold on a draft (a submit still in flight) keeps the number: another submit is refused', async () => {
  const phone = '+12125550341';
  const inFlight = await readyDraft(customer(), phone);
  const other = await readyDraft(customer(), phone);
  await holdLeftBy(inFlight, phone, 1_000);
  const before = await stored(other);

  const refused = await submit(other);
  expect(refused.status).toBe(422);
  expect(refused.body.errors).toEqual([expect.objectContaining({ code: 'number_in_open_order' })]);
  expect(await stored(other)).toEqual(before);
  expect(await holdOf(phone)).toMatchObject({ orderId: inFlight });
}, 90_000);

test("concurrent submits over a dead submit's hold: exactly one takes the number over", async () => {
  const phone = '+12125550342';
  const crashed = await readyDraft(customer(), phone);
  const racing = await Promise.all(Array.from({ length: 4 }, () => readyDraft(customer(), phone)));
  await holdLeftBy(crashed, phone, DRAFT_HOLD_MS + 60_000);

  const answers = await Promise.all(racing.map(submit));
  expect(answers.map((r) => r.status).sort()).toEqual([202, 422, 422, 422]);
  const winner = racing[answers.findIndex((r) => r.status === 202)];
  expect(await holdOf(phone)).toMatchObject({ orderId: winner });
  for (const id of racing.filter((d) => d !== winner))
    expect(await stored(id)).toMatchObject({ status: 'draft', numbers: [] });
}, 120_000);
