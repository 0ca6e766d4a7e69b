/**
 * Hand-made hostile and careless input, one row per class (issue 17): each gets its own 4xx
 * problem+json, never a 5xx, and the API stays healthy after it.
 */
import request from 'supertest';
import { signedHeaders } from '../../security/standard-webhooks';
import { DEMO_ACCOUNT_ID } from '../../store/seed';
import { api, orderBody, PDF } from '../support/api-client';
import { createDraft } from '../support/order-fixtures';
import { CARRIER_SECRET, KEYS, useStack } from '../support/stack';

const stack = useStack({ autoAnswer: false });
const customer = () => api(stack.apiUrl, KEYS.customerKey);
let draftId: string;
beforeAll(async () => {
  draftId = await createDraft(customer(), '+12125550300');
});

const raw = () => request(stack.apiUrl);
const auth = (key = KEYS.customerKey) => ({ Authorization: `Bearer ${key}` });
const deepJson = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const documents = () => `/v1/port-in-orders/${draftId}/documents`;

/** A multipart body from parts written out by hand, so each can be broken on purpose. */
const BOUNDARY = 'hostile-boundary';
const part = (headers: string, body: string | Buffer) =>
  Buffer.concat([Buffer.from(`--${BOUNDARY}\r\n${headers}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')]);
const form = (...parts: Buffer[]) => Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)]);
const kindLoa = part('Content-Disposition: form-data; name="kind"', 'loa');
const pdfPart = (name = 'file') =>
  part(
    `Content-Disposition: form-data; name="${name}"; filename="a.pdf"\r\nContent-Type: application/pdf`,
    PDF,
  );
const multipart = (body: Buffer, contentType = `multipart/form-data; boundary=${BOUNDARY}`) =>
  raw().post(documents()).set(auth()).set('Content-Type', contentType).send(body);

function signedEvent(body: string) {
  return raw()
    .post('/v1/carrier/events')
    .set({ ...signedHeaders(CARRIER_SECRET, `evt_hostile_${Math.random()}`, body) })
    .set('Content-Type', 'application/json')
    .send(body);
}

interface Row {
  name: string;
  send: () => request.Test | Promise<request.Response>;
  status: number;
  code: string;
  /** One of the answer's `errors`, when the row is about a field. */
  error?: { code: string; field: string };
}

const rows: Row[] = [
  // Multipart documents: whatever is wrong with the form is a 400 (or 413) naming it.
  {
    name: 'multipart without a boundary',
    send: () => multipart(form(kindLoa, pdfPart()), 'multipart/form-data'),
    status: 400,
    code: 'malformed_multipart',
  },
  {
    name: 'multipart with a malformed part header',
    send: () => multipart(form(part('Content-Disposition form-data name kind\u0000', 'loa'), pdfPart())),
    status: 400,
    code: 'malformed_multipart',
  },
  {
    name: 'multipart part without a field name',
    send: () => multipart(form(part('Content-Disposition: form-data', 'loa'), pdfPart())),
    status: 400,
    code: 'malformed_multipart',
  },
  {
    name: 'multipart with two files',
    send: () => multipart(form(kindLoa, pdfPart(), pdfPart())),
    status: 400,
    code: 'too_many_files',
  },
  {
    name: 'multipart file under another field name',
    send: () => multipart(form(kindLoa, pdfPart('document'))),
    status: 400,
    code: 'unexpected_file_field',
  },
  {
    name: 'multipart body cut off before its end',
    send: () => multipart(Buffer.concat([kindLoa, pdfPart()]).subarray(0, 60)),
    status: 400,
    code: 'malformed_multipart',
  },
  {
    name: 'a JSON body sent to the documents route',
    send: () => raw().post(documents()).set(auth()).send({ kind: 'loa' }),
    status: 415,
    code: 'unsupported_media_type',
  },
  // Sizes.
  {
    name: 'JSON body over 1 MB',
    send: () =>
      raw()
        .post('/v1/port-in-orders')
        .set(auth())
        .send(orderBody({ customerReference: 'x'.repeat(1_100_000) })),
    status: 413,
    code: 'body_too_large',
  },
  {
    name: 'carrier event body over 1 MB',
    send: () => signedEvent(JSON.stringify({ type: 'number.accepted', padding: 'x'.repeat(1_100_000) })),
    status: 413,
    code: 'body_too_large',
  },
  {
    name: 'codec body over its limit',
    send: () =>
      raw()
        .post('/codec/decode')
        .set(auth(KEYS.opsKey))
        .send({ payloads: [{ data: 'A'.repeat(9 * 1024 * 1024) }] }),
    status: 413,
    code: 'body_too_large',
  },
  // Media types and charsets.
  {
    name: 'JSON in an unsupported charset',
    send: () =>
      raw()
        .post('/v1/port-in-orders')
        .set(auth())
        .set('Content-Type', 'application/json; charset=latin1')
        .send(JSON.stringify(orderBody())),
    status: 415,
    code: 'unsupported_charset',
  },
  {
    name: 'a JSON route sent text/plain',
    send: () =>
      raw()
        .post('/v1/port-in-orders')
        .set(auth())
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify(orderBody())),
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'a gzip body that is not gzip',
    send: () =>
      raw()
        .post('/v1/port-in-orders')
        .set(auth())
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .send('{"not": "gzip"}'),
    status: 400,
    code: 'malformed_body',
  },
  {
    name: 'a br body cut short',
    send: () =>
      raw()
        .post('/v1/port-in-orders')
        .set(auth())
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'br')
        .send('x'),
    status: 400,
    code: 'malformed_body',
  },
  {
    name: 'a Content-Encoding the API does not read',
    send: () =>
      raw()
        .post('/v1/port-in-orders')
        .set(auth())
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'compress')
        .send('{}'),
    status: 415,
    code: 'unsupported_content_encoding',
  },
  // Deep nesting, everywhere a body is read.
  {
    name: 'a 50,000-deep JSON body',
    send: () =>
      raw()
        .post('/v1/port-in-orders')
        .set(auth())
        .set('Content-Type', 'application/json')
        .send(deepJson(50_000)),
    status: 400,
    code: 'body_too_deep',
  },
  {
    name: 'a 50,000-deep JSON body with an Idempotency-Key',
    send: () =>
      raw()
        .post('/v1/port-in-orders')
        .set(auth())
        .set('Idempotency-Key', 'deep-1')
        .set('Content-Type', 'application/json')
        .send(`{"phoneNumbers":${deepJson(50_000)}}`),
    status: 400,
    code: 'body_too_deep',
  },
  {
    name: 'a deep field in a carrier event',
    send: () =>
      signedEvent(
        `{"type":"number.accepted","orderId":${deepJson(50_000)},"phoneNumbers":["+12125550300"],"occurredAt":"2026-01-01T00:00:00Z"}`,
      ),
    status: 422,
    code: 'invalid_request',
  },
  {
    name: 'a deep codec body',
    send: () =>
      raw()
        .post('/codec/decode')
        .set(auth(KEYS.opsKey))
        .set('Content-Type', 'application/json')
        .send(`{"payloads":${deepJson(50_000)}}`),
    status: 422,
    code: 'invalid_request',
  },
  // Bulk rules: how many numbers one request may carry.
  {
    name: 'a customer creating an order of 21 numbers',
    send: () =>
      raw()
        .post('/v1/port-in-orders')
        .set(auth())
        .send(orderBody({ phoneNumbers: Array.from({ length: 21 }, (_, i) => `+1212555${4000 + i}`) })),
    status: 422,
    code: 'too_many_numbers',
  },
  {
    name: 'a customer editing a draft to 21 numbers',
    send: () =>
      raw()
        .patch(`/v1/port-in-orders/${draftId}`)
        .set(auth())
        .send({ phoneNumbers: Array.from({ length: 21 }, (_, i) => `+1212555${4100 + i}`) }),
    status: 422,
    code: 'too_many_numbers',
  },
  {
    name: 'staff sending more numbers than any order may hold',
    send: () =>
      raw()
        .post('/v1/port-in-orders')
        .set(auth(KEYS.supportKey))
        .send(
          orderBody({
            accountId: DEMO_ACCOUNT_ID,
            projectPort: true,
            phoneNumbers: Array.from({ length: 1_001 }, (_, i) => `+1212556${String(i).padStart(4, '0')}`),
          }),
        ),
    status: 422,
    code: 'invalid_request',
    error: { code: 'invalid_too_big', field: 'phoneNumbers' },
  },
  // Methods a path does not serve.
  {
    name: 'PUT on an order',
    send: () => raw().put(`/v1/port-in-orders/${draftId}`).set(auth()).send({}),
    status: 405,
    code: 'method_not_allowed',
  },
  {
    name: 'DELETE on the order collection',
    send: () => raw().delete('/v1/port-in-orders').set(auth()),
    status: 405,
    code: 'method_not_allowed',
  },
  // Paths and replays.
  {
    name: 'a broken percent-escape in an order id',
    send: () => raw().get('/v1/port-in-orders/%FF').set(auth()),
    status: 400,
    code: 'malformed_path',
  },
  {
    name: 'a refusal replayed for its Idempotency-Key (still a problem document)',
    send: async () => {
      const submit = () =>
        raw()
          .post(`/v1/port-in-orders/${draftId}/submit`)
          .set(auth(KEYS.opsKey))
          .set('Idempotency-Key', 'hostile-replay');
      expect((await submit()).status).toBe(403);
      const replayed = await submit();
      expect(replayed.headers['idempotent-replayed']).toBe('true');
      return replayed;
    },
    status: 403,
    code: 'forbidden',
  },
  // Values the store must never hold.
  {
    name: 'an invalid timeZone at create',
    send: () =>
      raw()
        .post('/v1/port-in-orders')
        .set(auth())
        .send(orderBody({ timeZone: 'Mars/Olympus' })),
    status: 422,
    code: 'invalid_request',
    error: { code: 'invalid_time_zone', field: 'timeZone' },
  },
  {
    name: 'an invalid timeZone in an edit',
    send: () => raw().patch(`/v1/port-in-orders/${draftId}`).set(auth()).send({ timeZone: 'Mars/Olympus' }),
    status: 422,
    code: 'invalid_request',
    error: { code: 'invalid_time_zone', field: 'timeZone' },
  },
  {
    name: 'corrections with a key that is a store path',
    send: () =>
      raw()
        .post(`/v1/port-in-orders/${draftId}/resubmit`)
        .set(auth())
        .send({ corrections: { authorizedPerson: { 'x.y': 'a', $set: 'b' }, 'draft.accountId': 'c' } }),
    status: 422,
    code: 'invalid_request',
  },
];

test.each(rows)('$name → $status $code, and the API stays healthy', async (row) => {
  const res = await row.send();
  expect({ status: res.status, code: res.body?.code }).toEqual({ status: row.status, code: row.code });
  expect(res.headers['content-type']).toContain('application/problem+json');
  if (row.error) expect(res.body.errors).toContainEqual(expect.objectContaining(row.error));
  expect((await raw().get('/healthz')).status).toBe(200);
});

test('a 405 names the methods the path serves, from the routers', async () => {
  const one = await raw().put(`/v1/port-in-orders/${draftId}`).set(auth()).send({});
  expect(one.headers.allow).toBe('DELETE, GET, HEAD, PATCH');
  const all = await raw().delete('/v1/port-in-orders').set(auth());
  expect(all.headers.allow).toBe('GET, HEAD, POST');
});

test('a body with several wrong fields gets one 422 naming each of them', async () => {
  const res = await raw()
    .post('/v1/port-in-orders')
    .set(auth(KEYS.supportKey))
    .send({
      country: 'US',
      phoneNumbers: ['not a number', '+12125550301'],
      authorizedPerson: { firstName: 'Ada' },
      notificationEmail: 5,
      timeZone: 'Mars/Olympus',
    });
  expect(res.status).toBe(422);
  const fields = res.body.errors.map((e: { field: string }) => e.field);
  expect(fields).toEqual(
    expect.arrayContaining([
      'accountId',
      'phoneNumbers[0]',
      'notificationEmail',
      'timeZone',
      'serviceAddress',
    ]),
  );
  const unknown = await raw()
    .post('/v1/port-in-orders')
    .set(auth(KEYS.supportKey))
    .send(orderBody({ accountId: 'acct_nobody', phoneNumbers: ['555'], timeZone: 'Mars/Olympus' }));
  expect(unknown.status).toBe(422);
  expect(unknown.body.errors.map((e: { code: string }) => e.code).sort()).toEqual([
    'invalid_phone_number',
    'invalid_time_zone',
    'unknown_account',
  ]);
});

test('an order holding an invalid zone (stored before the check) can still take a bill and be submitted', async () => {
  const id = await createDraft(customer(), '+12125550302');
  await stack.store.models.Order.updateOne(
    { _id: id },
    { $set: { timeZone: 'Mars/Olympus', 'draft.timeZone': 'Mars/Olympus' } },
  );
  const bill = await customer().upload(`/v1/port-in-orders/${id}/documents`, {
    kind: 'bill',
    issuedOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
  });
  expect(bill.status).toBe(201);
  const submit = await customer().post(`/v1/port-in-orders/${id}/submit`);
  expect(submit.status).toBe(422);
  expect(submit.body.errors.map((e: { field: string }) => e.field)).toContain('timeZone');
  const fixed = await customer().patch(`/v1/port-in-orders/${id}`).send({ timeZone: 'America/Chicago' });
  expect(fixed.status).toBe(200);
  expect(fixed.body.timeZone).toBe('America/Chicago');
});

test('staff can create a project port larger than one carrier look-up', async () => {
  const phoneNumbers = Array.from({ length: 600 }, (_, i) => `+1217556${String(i).padStart(4, '0')}`);
  const res = await api(stack.apiUrl, KEYS.supportKey).post(
    '/v1/port-in-orders',
    orderBody({ accountId: DEMO_ACCOUNT_ID, projectPort: true, phoneNumbers }),
  );
  expect(res.status).toBe(201);
  const ids = res.body.orders.map((o: { id: string }) => o.id);
  const stored = await stack.store.models.Order.find({ _id: { $in: ids } }).lean();
  expect(stored.flatMap((o) => o.phoneNumbers as string[]).sort()).toEqual(phoneNumbers);
}, 60_000);
