/**
 * One open order per number, end to end on FerretDB and the dev server: concurrent submits of
 * drafts sharing a number (exactly one wins, the others get the sequential case's 422), holds freed
 * when a number ends, duplicates inside one request refused, and the holds look-up served by _id.
 */
import { backfillNumberHolds, claimNumbers, findNumberHolds } from '../../store/number-holds';
import { api, carrierEvent, orderBody } from '../support/api-client';
import { createDraft, readyDraft } from '../support/order-fixtures';
import { approve, firstNumber, waitForOrder, waitForWorkflowStart } from '../support/scenarios';
import { CARRIER_SECRET, KEYS, useStack } from '../support/stack';

const stack = useStack({ autoAnswer: false });
const customer = () => api(stack.apiUrl, KEYS.customerKey);
const submit = (orderId: string) => customer().post(`/v1/port-in-orders/${orderId}/submit`);
const stored = (orderId: string) => stack.store.models.Order.findById(orderId).lean();
const holdOf = (phone: string) => stack.store.models.NumberHold.findById(phone).lean();
const carrier = (body: Record<string, unknown>) => carrierEvent(stack.apiUrl, CARRIER_SECRET, body);

/** What a refusal says, without the per-request parts. */
const refusal = (res: { status: number; body: { code?: string; errors?: unknown } }) => ({
  status: res.status,
  code: res.body.code,
  errors: res.body.errors,
});

describe('concurrent submits of drafts sharing a number', () => {
  const ROUNDS = 5;
  const DRAFTS = 5;

  test.each(Array.from({ length: ROUNDS }, (_, round) => [round]))(
    'round %i: exactly one is accepted, the others get the same 422 as a later submit',
    async (round) => {
      const phone = `+1212555031${round}`;
      const drafts = await Promise.all(
        Array.from({ length: DRAFTS + 1 }, () => readyDraft(customer(), phone)),
      );
      const racing = drafts.slice(0, DRAFTS);
      const answers = await Promise.all(racing.map(submit));

      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([202, ...Array<number>(DRAFTS - 1).fill(422)]);
      const winner = racing[answers.findIndex((r) => r.status === 202)];

      // The sequential case: a draft submitted after the winner, as before holds existed.
      const sequential = await submit(drafts[DRAFTS]);
      expect(refusal(sequential)).toEqual({
        status: 422,
        code: 'submission_invalid',
        errors: [expect.objectContaining({ code: 'number_in_open_order', field: 'numbers[0].phoneNumber' })],
      });
      for (const lost of answers.filter((r) => r.status === 422))
        expect(refusal(lost)).toEqual(refusal(sequential));

      // Nothing of the losers is stored: drafts still, and the one hold is the winner's.
      for (const id of drafts.filter((d) => d !== winner)) {
        const order = await stored(id);
        expect([order?.status, order?.numbers]).toEqual(['draft', []]);
      }
      expect(await holdOf(phone)).toMatchObject({ orderId: winner, accountId: expect.any(String) });
      expect(await stack.store.models.NumberHold.countDocuments({ _id: phone })).toBe(1);
    },
    120_000,
  );
});

test('a retried submit of the same order is idempotent about its holds', async () => {
  const phone = '+12125550320';
  const id = await readyDraft(customer(), phone);
  const [first, second] = await Promise.all([submit(id), submit(id)]);
  expect([first.status, second.status].sort()).toEqual([202, 409]);
  expect(await holdOf(phone)).toMatchObject({ orderId: id });
  expect((await submit(id)).status).toBe(409);
  expect(await holdOf(phone)).toMatchObject({ orderId: id });
}, 60_000);

test('a canceled order frees its number: another order with it can then be submitted', async () => {
  const phone = '+12125550321';
  const first = await readyDraft(customer(), phone);
  const second = await readyDraft(customer(), phone);
  expect((await submit(first)).status).toBe(202);
  expect((await submit(second)).status).toBe(422);

  expect((await customer().post(`/v1/port-in-orders/${first}/cancel`, {})).status).toBe(200);
  await waitForOrder(stack, first, (o) => o.status === 'canceled');
  expect(await holdOf(phone)).toBeNull();

  expect((await submit(second)).status).toBe(202);
  expect(await holdOf(phone)).toMatchObject({ orderId: second });
}, 90_000);

/** Approved and at the carrier, then rejected by it with `reasonCode`. */
async function rejectedByCarrier(phone: string, reasonCode: string): Promise<string> {
  const id = await readyDraft(customer(), phone);
  expect((await submit(id)).status).toBe(202);
  await waitForWorkflowStart(stack, id);
  await approve(stack, id);
  await waitForOrder(stack, id, (o) => firstNumber(o).status === 'submitted_to_carrier');
  expect(
    (await carrier({ type: 'number.rejected', orderId: id, phoneNumbers: [phone], reasonCode })).status,
  ).toBe(202);
  await waitForOrder(stack, id, (o) => firstNumber(o).status === 'rejected');
  return id;
}

test('a number rejected for good is free at once; a resubmittable one stays held until its deadline', async () => {
  const final = '+12125550322';
  await rejectedByCarrier(final, 'unportable');
  expect(await holdOf(final)).toBeNull();
  expect((await submit(await readyDraft(customer(), final))).status).toBe(202);

  const resubmittable = '+12125550323';
  const id = await rejectedByCarrier(resubmittable, 'incorrect_account_number');
  const order = await waitForOrder(stack, id, (o) => firstNumber(o).rejection?.resubmitBy !== undefined);
  expect(await holdOf(resubmittable)).toMatchObject({ orderId: id });
  const other = await readyDraft(customer(), resubmittable);
  const refused = await submit(other);
  expect(refused.status).toBe(422);
  expect(refused.body.errors).toEqual([expect.objectContaining({ code: 'number_in_open_order' })]);
  expect(await stored(other)).toMatchObject({ status: 'draft', numbers: [] });

  // Past the deadline (no snapshot marks that instant) the hold no longer counts, and a claim takes it over.
  const after = Date.parse(firstNumber(order).rejection!.resubmitBy!) + 1;
  expect((await findNumberHolds(stack.store, [resubmittable], undefined, after)).inOpenOrder.size).toBe(0);
  const owner = { orderId: other, accountId: (await stored(other))!.accountId };
  expect(await claimNumbers(stack.store, owner, [resubmittable], after)).toEqual({
    claimed: [resubmittable],
    alreadyOwn: [],
    taken: [],
  });
  expect(await holdOf(resubmittable)).toMatchObject({ orderId: other });
}, 120_000);

describe('duplicates inside one request', () => {
  const dup = ['+17185959042', '+1 (718) 595-9042'];
  const expected = {
    status: 422,
    code: 'duplicate_number',
    errors: [expect.objectContaining({ code: 'duplicate_number', field: 'phoneNumbers[1]' })],
  };

  test('on create: 422 naming the duplicate, nothing stored', async () => {
    const before = await stack.store.models.Order.countDocuments();
    const res = await customer().post('/v1/port-in-orders', orderBody({ phoneNumbers: dup }));
    expect(refusal(res)).toEqual(expected);
    expect(res.body.errors[0].message).toContain('+1 (718) 595-9042');
    expect(await stack.store.models.Order.countDocuments()).toBe(before);
  }, 30_000);

  test('on PATCH: 422 naming each duplicate, the draft unchanged', async () => {
    const id = await createDraft(customer(), '+12125550324');
    const before = await stored(id);
    const res = await customer()
      .patch(`/v1/port-in-orders/${id}`)
      .send({ phoneNumbers: [...dup, '+12125550324', '212-555-0324'] });
    expect(refusal(res)).toEqual({
      ...expected,
      errors: [
        expect.objectContaining({ code: 'duplicate_number', field: 'phoneNumbers[1]' }),
        expect.objectContaining({ code: 'duplicate_number', field: 'phoneNumbers[3]' }),
      ],
    });
    expect(await stored(id)).toEqual(before);
  }, 30_000);
});

describe('the holds look-up', () => {
  test('every query of findNumberHolds is by _id: holds, active numbers, and the holding order', async () => {
    const phone = '+12125550325';
    const holder = await readyDraft(customer(), phone);
    expect((await submit(holder)).status).toBe(202);
    const queries: { collection: string; filter: unknown }[] = [];
    stack.store.connection.set('debug', (collection: string, _method: string, filter: unknown) =>
      queries.push({ collection, filter }),
    );
    try {
      const holds = await findNumberHolds(stack.store, [phone, '+12125550326']);
      expect([...holds.inOpenOrder.entries()]).toEqual([
        [phone, { orderId: holder, accountId: expect.any(String) }],
      ]);
    } finally {
      stack.store.connection.set('debug', false);
    }
    expect(queries.map((q) => q.collection).sort()).toEqual([
      'active_numbers',
      'active_numbers',
      'number_holds',
      'number_holds',
      'port_in_orders',
    ]);
    for (const { filter } of queries) expect(filter).toEqual({ _id: expect.any(String) });
  }, 60_000);

  test('explain: FerretDB serves the holds look-up from the _id index, not a scan like the old orders query', async () => {
    const db = stack.store.connection.db!;
    const explain = (collection: string, filter: object) =>
      db.command({ explain: { find: collection, filter }, verbosity: 'queryPlanner' });
    // What findNumberHolds sends per number, and the query it replaced.
    const byId = await explain('number_holds', { _id: '+12125550325' });
    const before = await explain('port_in_orders', {
      phoneNumbers: { $in: ['+12125550325'] },
      status: { $ne: 'draft' },
    });
    // FerretDB says whether the filter ran in its SQLite backend (on the _id index) or over every
    // document in Go (docs/store.md).
    expect(byId).toMatchObject({ filterPushdown: true });
    expect(before).toMatchObject({ filterPushdown: false });
  }, 30_000);
});

test('backfill at start: holds for orders submitted before holds existed, idempotent', async () => {
  const phone = '+12125550327';
  const id = await readyDraft(customer(), phone);
  expect((await submit(id)).status).toBe(202);
  await stack.store.models.NumberHold.deleteOne({ _id: phone });
  expect(await backfillNumberHolds(stack.store)).toBeGreaterThanOrEqual(1);
  expect(await holdOf(phone)).toMatchObject({ orderId: id });
  expect(await backfillNumberHolds(stack.store)).toBe(0);
}, 60_000);
