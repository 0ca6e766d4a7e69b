/**
 * Writes that submit never judges again are judged by submit's own rules when they are made, and a
 * refusal changes nothing stored (the raw store documents compared before and after):
 * - PUT …/configuration, on a draft and on a submitted order (applied at activation as stored): an
 *   invalid CNAM, SMS only, a broken application are one 422 naming every bad field;
 * - a resubmission's corrections (written into the submitted order the carrier gets): a BTN of the
 *   wrong form or an emptied name;
 * - twenty resubmissions of one rejected order at once, each with its own corrections: exactly one
 *   is accepted, the stored corrections are its own, and the refused ones changed nothing.
 */
import { isDeepStrictEqual } from 'node:util';
import { createFieldCipher, DEV_FIELD_KEY } from '../../security/field-crypto';
import { statusQuery, workflowIdFor } from '../../workflows/messages';
import { api, eventually } from '../support/api-client';
import { createDraft, submittedOrder } from '../support/order-fixtures';
import { waitForWorkflowStart } from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';

jest.setTimeout(180_000);

const stack = useStack({ autoAnswer: false });
const customer = () => api(stack.apiUrl, KEYS.customerKey);
const support = () => api(stack.apiUrl, KEYS.supportKey);
const cipher = createFieldCipher(DEV_FIELD_KEY); // the stack's

type StoredDoc = Record<string, unknown> & {
  snapshotSeq?: number;
  status?: string;
  draft: Record<string, Record<string, unknown>>;
};

/** The order exactly as stored (the raw document, not the API's view of it). */
async function stored(id: string): Promise<StoredDoc> {
  const order = await stack.store.models.Order.collection.findOne({ _id: id as never });
  if (!order) throw new Error(`order ${id} is not in the store`);
  return order as unknown as StoredDoc;
}

/** The workflow has written its read model, and nothing changed for two seconds. */
async function settled(id: string, done: (o: StoredDoc) => boolean = () => true) {
  await eventually(
    async () => {
      const first = await stored(id);
      if (!(Number(first.snapshotSeq) >= 1) || !done(first)) return false;
      await new Promise((r) => setTimeout(r, 2_000));
      return isDeepStrictEqual(first, await stored(id));
    },
    (same) => same,
  );
}

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

describe('PUT …/configuration: submit’s configuration rules, draft or submitted', () => {
  const bad: [name: string, body: Record<string, unknown>, code: string, fields: string[]][] = [
    [
      'a CNAM of 16 characters',
      { capabilities: 'voice', cnam: 'ACME CORPORATION' },
      'invalid_cnam',
      ['cnam'],
    ],
    ['a CNAM with an @', { capabilities: 'voice', cnam: 'ACME@HOME' }, 'invalid_cnam', ['cnam']],
    ['a CNAM of punctuation only', { capabilities: 'voice', cnam: '...' }, 'invalid_cnam', ['cnam']],
    ['SMS only', { capabilities: 'sms' }, 'sms_only_not_portable', ['capabilities']],
    [
      'every field wrong at once',
      { capabilities: 'sms', cnam: 'Café Crème Brûlée', application: { type: 'cgi', id: '' }, alias: 7 },
      'invalid_request',
      ['alias', 'application.id', 'application.type', 'capabilities', 'cnam'],
    ],
  ];

  test.each(bad)(
    'a draft: %s is a 422 naming each bad field, nothing stored',
    async (_n, body, code, fields) => {
      const id = await createDraft(customer(), '+12125550600');
      const before = await stored(id);
      const res = await customer().put(`/v1/port-in-orders/${id}/configuration`).send(body);
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe(code);
      expect(fieldsOf(res.body)).toEqual(fields);
      expect(await stored(id)).toEqual(before);
      expect((await customer().delete(`/v1/port-in-orders/${id}`)).status).toBe(204);
    },
  );

  test('a submitted order: an invalid CNAM is refused and nothing stored changes; a valid one is taken', async () => {
    const id = await submittedOrder(customer(), '+12125550601');
    await settled(id);
    for (const [, body, code, fields] of bad) {
      const before = await stored(id);
      const res = await customer().put(`/v1/port-in-orders/${id}/configuration`).send(body);
      expect({ status: res.status, code: res.body.code, fields: fieldsOf(res.body) }).toEqual({
        status: 422,
        code,
        fields,
      });
      expect(await stored(id)).toEqual(before);
    }
    // The rule refuses what is wrong, not the route: a CNAM of 15 allowed characters is stored.
    const ok = await customer()
      .put(`/v1/port-in-orders/${id}/configuration`)
      .send({ capabilities: 'voice', cnam: "O'Neil & Sons, " });
    expect(ok.status).toBe(200);
    expect((await stored(id)).draft.configuration).toMatchObject({ cnam: "O'Neil & Sons, " });
  });
});

/** A submitted order support rejected with a resubmittable reason, settled in the store. */
async function rejectedOrder(phone: string): Promise<string> {
  const id = await submittedOrder(customer(), phone);
  await waitForWorkflowStart(stack, id);
  const review = await support().post(`/v1/port-in-orders/${id}/review`, {
    decision: 'reject',
    reasonCode: 'invalid_btn',
  });
  expect(review.status).toBe(200);
  await settled(id, (o) => o.status === 'rejected');
  return id;
}

const resubmissions = async (id: string) => {
  const status = await stack.client.workflow.getHandle(workflowIdFor(id)).query(statusQuery);
  return status.transitions.filter((t) => t.type === 'number.resubmitted').length;
};

test('corrections submit would refuse are one 422 naming each; nothing stored, nothing resubmitted', async () => {
  const id = await rejectedOrder('+12125550610');
  const path = `/v1/port-in-orders/${id}/resubmit`;
  const cases: [body: Record<string, unknown>, code: string, fields: string[]][] = [
    [{ corrections: { btn: '2125550147' } }, 'invalid_btn_format', ['corrections.btn']],
    [{ corrections: { btn: '+14165550123' } }, 'invalid_btn_format', ['corrections.btn']], // a Canadian BTN
    [
      { corrections: { authorizedPerson: { firstName: ' ' } } },
      'authorized_name_missing',
      ['corrections.authorizedPerson.firstName'],
    ],
    [
      // The schema's problem and the rules' in one answer.
      { corrections: { btn: 'call me', pin: '', authorizedPerson: { lastName: '' } } },
      'invalid_request',
      ['corrections.authorizedPerson.lastName', 'corrections.btn', 'corrections.pin'],
    ],
  ];
  for (const [body, code, fields] of cases) {
    const before = await stored(id);
    const res = await customer().post(path, body);
    expect({ status: res.status, code: res.body.code, fields: fieldsOf(res.body) }).toEqual({
      status: 422,
      code,
      fields,
    });
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await stored(id)).toEqual(before);
  }
  expect(await resubmissions(id)).toBe(0);
});

test('twenty resubmissions at once: one is taken, its corrections are stored, the others changed nothing', async () => {
  const id = await rejectedOrder('+12125550611');
  const before = await stored(id);
  const corrections = (i: number) => ({
    btn: `+1212555${String(120 + i).padStart(4, '0')}`,
    pin: `9${String(i).padStart(3, '0')}`,
    authorizedPerson: { lastName: `Lovelace ${i}` },
  });
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      customer().post(`/v1/port-in-orders/${id}/resubmit`, { corrections: corrections(i) }),
    ),
  );
  const taken = answers.flatMap((a, i) => (a.status === 200 ? [i] : []));
  expect(taken).toHaveLength(1);
  for (const a of answers.filter((a) => a.status !== 200)) {
    expect(a.headers['content-type']).toContain('application/problem+json');
    expect({ status: a.status, code: a.body.code }).toEqual({
      status: 409,
      code: expect.stringMatching(/^(concurrent_change|not_resubmittable)$/),
    });
  }
  const won = corrections(taken[0]!);
  // Whatever the workflow writes meanwhile, the draft is the one before with the winner's corrections.
  const after = await stored(id);
  const { pinSealed, ...losing } = after.draft.losingCarrier!;
  expect(cipher.decrypt(pinSealed as string)).toBe(won.pin);
  const { pinSealed: _before, ...losingBefore } = before.draft.losingCarrier!;
  expect(losing).toEqual({ ...losingBefore, btn: won.btn });
  expect(after.draft.authorizedPerson).toEqual({
    ...before.draft.authorizedPerson,
    lastName: won.authorizedPerson.lastName,
  });
  const otherDraft = (d: StoredDoc['draft']) => {
    const { losingCarrier: _l, authorizedPerson: _a, ...rest } = d;
    return rest;
  };
  expect(otherDraft(after.draft)).toEqual(otherDraft(before.draft));
  expect(await resubmissions(id)).toBe(1);
  // Still so once the workflow has settled its read model.
  await settled(id);
  const settledDraft = (await stored(id)).draft;
  expect(settledDraft.losingCarrier!.btn).toBe(won.btn);
  expect(settledDraft.authorizedPerson!.lastName).toBe(won.authorizedPerson.lastName);
  expect(cipher.decrypt(settledDraft.losingCarrier!.pinSealed as string)).toBe(won.pin);
});
