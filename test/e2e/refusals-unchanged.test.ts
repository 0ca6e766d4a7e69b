/**
 * Refused means unchanged (issue 17): every refused action (409, 422, 403) leaves the stored order
 * and its documents exactly as they were, compared as raw store documents before and after.
 */
import { isDeepStrictEqual } from 'node:util';
import { api, eventually, PDF } from '../support/api-client';
import { createDraft, submittedOrder } from '../support/order-fixtures';
import { KEYS, useStack } from '../support/stack';

const stack = useStack({ autoAnswer: false });
const customer = () => api(stack.apiUrl, KEYS.customerKey);
const support = () => api(stack.apiUrl, KEYS.supportKey);

/** The order as stored, with its documents' files: everything a refusal must leave alone. */
async function stored(id: string) {
  const db = stack.store.connection.db!;
  const order = await stack.store.models.Order.collection.findOne({ _id: id as never });
  // A missing order would compare equal to itself: every refusal here is about an order that exists.
  if (!order) throw new Error(`order ${id} is not in the store`);
  return {
    order,
    files: await db.collection('document_chunks').find({ orderId: id }).sort({ _id: 1 }).toArray(),
  };
}

/** Waits until the workflow's read-model writes have settled (two reads a second apart agree). */
/** The workflow has written its read model at least once, and nothing changed for two seconds. */
async function settled(id: string) {
  await eventually(
    async () => {
      const first = await stored(id);
      if (!(Number(first.order.snapshotSeq) >= 1)) return false;
      await new Promise((r) => setTimeout(r, 2_000));
      return isDeepStrictEqual(first, await stored(id));
    },
    (same) => same,
  );
}

type Refusal = [
  name: string,
  act: () => PromiseLike<{ status: number; body: { code?: string } }>,
  status: number,
];

async function expectUnchanged(id: string, refusals: Refusal[]) {
  for (const [name, act, status] of refusals) {
    const before = await stored(id);
    const res = await act();
    expect({ name, status: res.status }).toEqual({ name, status });
    expect({ name, after: await stored(id) }).toEqual({ name, after: before });
  }
}

test('refusals on a draft change nothing', async () => {
  const id = await createDraft(customer(), '+12125550400');
  const path = `/v1/port-in-orders/${id}`;
  await expectUnchanged(id, [
    ['submit without documents', () => customer().post(`${path}/submit`), 422],
    ['cancel a draft', () => customer().post(`${path}/cancel`, {}), 409],
    ['port-date of a draft', () => customer().post(`${path}/port-date`, { portDate: '2030-01-07' }), 409],
    ['resubmit a draft', () => customer().post(`${path}/resubmit`, { corrections: { pin: '9999' } }), 409],
    ['review a draft', () => support().post(`${path}/review`, { decision: 'approve' }), 409],
    ['review by a customer', () => customer().post(`${path}/review`, { decision: 'approve' }), 403],
    [
      'an edit with a bad zone and a bad number',
      () =>
        customer()
          .patch(path)
          .send({ timeZone: 'Mars/Olympus', phoneNumbers: ['555'] }),
      422,
    ],
    [
      'a document that is no PDF',
      () => customer().upload(`${path}/documents`, { kind: 'loa' }, Buffer.from('MZ')),
      415,
    ],
    [
      'a document of no known kind',
      () => customer().upload(`${path}/documents`, { kind: 'selfie' }, PDF),
      422,
    ],
  ]);
}, 60_000);

test('refusals on a submitted order change nothing, a refused resubmission included', async () => {
  const id = await submittedOrder(customer(), '+12125550401');
  const path = `/v1/port-in-orders/${id}`;
  await settled(id);
  await expectUnchanged(id, [
    // In review, nothing was rejected: the workflow refuses, and the corrections must not be written.
    [
      'resubmit with corrections',
      () =>
        customer().post(`${path}/resubmit`, {
          corrections: { pin: '0000', accountNumber: '111', authorizedPerson: { lastName: 'Byron' } },
        }),
      409,
    ],
    [
      'resubmit a number not in the order',
      () => customer().post(`${path}/resubmit`, { phoneNumbers: ['+12125550499'] }),
      409,
    ],
    ['edit a submitted order', () => customer().patch(path).send({ customerReference: 'changed' }), 409],
    ['delete a submitted order', () => customer().delete(path), 409],
    ['a document for a submitted order', () => customer().upload(`${path}/documents`, { kind: 'loa' }), 409],
    ['submit again', () => customer().post(`${path}/submit`), 409],
    [
      'review with an unknown reason',
      () => support().post(`${path}/review`, { decision: 'reject', reasonCode: 'nope' }),
      422,
    ],
  ]);
}, 120_000);

test('refusals on a closed order change nothing', async () => {
  const id = await submittedOrder(customer(), '+12125550402');
  const path = `/v1/port-in-orders/${id}`;
  expect((await support().post(`${path}/cancel`, {})).status).toBe(200);
  await eventually(
    () => stack.store.models.Order.findById(id).lean(),
    (o) => o?.status === 'canceled',
  );
  await settled(id);
  await expectUnchanged(id, [
    [
      'configure a closed order',
      () => customer().put(`${path}/configuration`).send({ capabilities: 'voice' }),
      409,
    ],
    [
      'resubmit a closed order',
      () => customer().post(`${path}/resubmit`, { corrections: { pin: '1234' } }),
      409,
    ],
    ['cancel again', () => support().post(`${path}/cancel`, {}), 409],
  ]);
}, 120_000);
