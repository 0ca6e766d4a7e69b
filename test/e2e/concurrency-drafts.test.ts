/**
 * "At most one" under concurrency, through the real API on FerretDB v1, where only an insert is
 * atomic (a guarded update is read, change in Go, write back: two at once both match). Twenty
 * requests start at the same instant in each case:
 *
 * - submits of one draft: one 202, the others 409 and nothing of theirs stored;
 * - uploads to one draft: every upload answered 201 is stored (none lost to another's write back);
 * - edits racing a submit: no edit lands after the submit (the submitted order is the one assessed);
 * - a delete racing a submit: one of them, never a deleted order with a running workflow;
 * - uses of one e-signature link: one signs, the others 410, one signed LOA stored;
 * - creates with one Idempotency-Key: one draft, one 201.
 */
import request from 'supertest';
import { api, orderBody } from '../support/api-client';
import { createDraft, readyDraft } from '../support/order-fixtures';
import { waitForMail } from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';

jest.setTimeout(180_000);

const stack = useStack({ autoAnswer: false });
const customer = () => api(stack.apiUrl, KEYS.customerKey);
const RACERS = 20;
const orderPath = (id: string) => `/v1/port-in-orders/${id}`;
const storedOrder = (id: string) => stack.store.models.Order.collection.findOne({ _id: id as never });

/** Starts every request of `make` at once (supertest sends on `then`). */
const atOnce = <T>(n: number, make: (i: number) => PromiseLike<T>): Promise<T[]> =>
  Promise.all(Array.from({ length: n }, (_, i) => make(i)));

const count = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((c, s) => ({ ...c, [s]: (c[s] ?? 0) + 1 }), {});

/** Rounds of each race: one round can miss a window of a few milliseconds. */
const ROUNDS = 5;
const rounds = Array.from({ length: ROUNDS }, (_, round) => [round]);

test.each(rounds)(
  'round %i: twenty submits of one draft: one 202, the others 409, one hold',
  async (round) => {
    const phone = `+1212555072${round}`;
    const id = await readyDraft(customer(), phone);
    const answers = await atOnce(RACERS, () => customer().post(`${orderPath(id)}/submit`));

    expect(count(answers.map((a) => a.status))).toEqual({ 202: 1, 409: RACERS - 1 });
    for (const lost of answers.filter((a) => a.status === 409))
      expect(lost.body.code).toMatch(/^(already_submitted|concurrent_change)$/);
    const winner = answers.find((a) => a.status === 202)!;
    expect(await storedOrder(id)).toMatchObject({ status: 'in_review', submittedAt: expect.any(Date) });
    expect(await stack.store.models.NumberHold.findById(phone).lean()).toMatchObject({ orderId: id });
    expect(winner.body.numbers).toEqual([
      expect.objectContaining({ phoneNumber: phone, status: 'in_review' }),
    ]);
  },
);

test.each(rounds)(
  'round %i: twenty uploads to one draft: every document answered 201 is stored',
  async (round) => {
    const id = await createDraft(customer(), `+1212555073${round}`);
    const answers = await atOnce(RACERS, (i) =>
      customer().upload(`${orderPath(id)}/documents`, {
        kind: 'loa',
        loaTemplate: 'standard',
        signerName: `Ada Lovelace ${i}`,
      }),
    );
    const accepted = answers.filter((a) => a.status === 201);
    // A loser after every retry is a clear 409; nothing else.
    for (const a of answers.filter((a) => a.status !== 201))
      expect({ status: a.status, code: a.body.code }).toEqual({ status: 409, code: 'concurrent_change' });
    expect(accepted.length).toBeGreaterThan(0);
    const stored = (await storedOrder(id)) as unknown as { draft: { documents: { id: string }[] } };
    expect(stored.draft.documents.map((d) => d.id).sort()).toEqual(
      accepted.map((a) => a.body.id as string).sort(),
    );
  },
);

test('edits racing a submit: none lands after it; the stored order is the one submit assessed', async () => {
  const id = await readyDraft(customer(), '+12125550703', { customerReference: 'before' });
  const edits = atOnce(RACERS, (i) =>
    customer()
      .patch(orderPath(id))
      .send({ customerReference: `edit-${i}` }),
  );
  const submit = customer().post(`${orderPath(id)}/submit`);
  const [patched, submitted] = await Promise.all([edits, submit]);

  for (const a of patched.filter((a) => a.status !== 200))
    expect({ status: a.status, code: a.body.code }).toEqual({
      status: 409,
      code: expect.stringMatching(/^(not_a_draft|concurrent_change)$/),
    });
  const stored = (await storedOrder(id)) as unknown as { status: string; customerReference: string };
  if (submitted.status === 202) {
    // The submitted order is exactly what submit assessed and answered; no edit after it.
    expect(stored.status).toBe('in_review');
    expect(stored.customerReference).toBe(submitted.body.customerReference);
  } else {
    // The submit lost to an edit: a clear 409, the order still a draft.
    expect({ status: submitted.status, code: submitted.body.code }).toEqual({
      status: 409,
      code: 'concurrent_change',
    });
    expect(stored.status).toBe('draft');
  }
  // The last edit answered is what is stored, when the draft kept it.
  const landed = patched.filter((a) => a.status === 200).map((a) => a.body.customerReference as string);
  if (submitted.status !== 202) expect(landed).toContain(stored.customerReference);
});

test('a delete racing a submit: one of them wins, never a deleted order whose workflow runs', async () => {
  for (let round = 0; round < 5; round += 1) {
    const phone = `+1212555071${round}`;
    const id = await readyDraft(customer(), phone);
    const [submitted, deleted] = await Promise.all([
      customer().post(`${orderPath(id)}/submit`),
      customer().delete(orderPath(id)),
    ]);
    const stored = await storedOrder(id);
    if (submitted.status === 202) {
      expect({ round, deleted: deleted.status, code: deleted.body.code }).toEqual({
        round,
        deleted: 409,
        code: expect.stringMatching(/^(not_a_draft|concurrent_change)$/),
      });
      expect(stored).toMatchObject({ status: 'in_review' });
    } else {
      expect({ round, deleted: deleted.status }).toEqual({ round, deleted: 204 });
      expect(stored).toBeNull();
      expect(await stack.store.models.NumberHold.findById(phone).lean()).toBeNull();
    }
  }
});

test('twenty uses of one signing link at once: one signature stored, the others 410', async () => {
  const email = 'race-sign@example.test';
  const id = await createDraft(customer(), '+12125550704', { notificationEmail: email });
  const asked = await customer().post(`${orderPath(id)}/loa/signature-requests`, {});
  expect(asked.status).toBe(201);
  const mail = await waitForMail(stack, email, /please sign the letter of authorization/, 30_000);
  const path = new URL(/(http:\/\/\S+\/loa-signing\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]).pathname;

  const answers = await atOnce(RACERS, () =>
    request(stack.apiUrl).post(path).type('form').send({ fullName: 'Ada Lovelace', consent: 'yes' }),
  );
  expect(count(answers.map((a) => a.status))).toEqual({ 200: 1, 410: RACERS - 1 });
  const stored = (await storedOrder(id)) as unknown as { draft: { documents: { kind: string }[] } };
  expect(stored.draft.documents.filter((d) => d.kind === 'loa')).toHaveLength(1);
});

test('twenty creates with one Idempotency-Key: one draft, the others 409 and then its replay', async () => {
  const key = `race-${Date.now()}`;
  const body = orderBody({ phoneNumbers: ['+12125550705'], customerReference: key });
  const send = () =>
    request(stack.apiUrl)
      .post('/v1/port-in-orders')
      .set('Authorization', `Bearer ${KEYS.customerKey}`)
      .set('Idempotency-Key', key)
      .send(body);
  const answers = await atOnce(RACERS, send);
  // One request did it; the others came while it ran (409) or after it (its answer replayed).
  const first = answers.filter((a) => a.status === 201 && !a.headers['idempotent-replayed']);
  expect(first).toHaveLength(1);
  const created = first[0].body.orders[0].id as string;
  for (const a of answers.filter((a) => a !== first[0]))
    expect(
      a.status === 201
        ? { status: 201, id: a.body.orders[0].id, replayed: a.headers['idempotent-replayed'] }
        : { status: a.status, code: a.body.code },
    ).toEqual(
      a.status === 201
        ? { status: 201, id: created, replayed: 'true' }
        : { status: 409, code: 'idempotency_key_in_use' },
    );
  const replay = await send();
  expect([replay.status, replay.headers['idempotent-replayed'], replay.body.orders[0].id]).toEqual([
    201,
    'true',
    created,
  ]);
  const listed = await customer().get(`/v1/port-in-orders?customerReference=${key}`);
  expect(listed.body.data.map((o: { id: string }) => o.id)).toEqual([created]);
});

test('a client that gives up before the answer: its retry with the key replays, never a second draft', async () => {
  const key = `gave-up-${Date.now()}`;
  const body = orderBody({ phoneNumbers: ['+12125550706'], customerReference: key });
  const send = () =>
    request(stack.apiUrl)
      .post('/v1/port-in-orders')
      .set('Authorization', `Bearer ${KEYS.customerKey}`)
      .set('Idempotency-Key', key)
      .send(body);
  // Dropped by the client while the server still works on it.
  await send()
    .timeout(15)
    .then(
      () => undefined,
      () => undefined,
    );
  let retry = await send();
  for (let i = 0; retry.status === 409 && i < 100; i += 1) {
    await new Promise((r) => setTimeout(r, 100));
    retry = await send();
  }
  expect(retry.status).toBe(201);
  const listed = await customer().get(`/v1/port-in-orders?customerReference=${key}`);
  expect(listed.body.data.map((o: { id: string }) => o.id)).toEqual([retry.body.orders[0].id]);
});
