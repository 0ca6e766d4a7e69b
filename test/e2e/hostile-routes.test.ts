/**
 * The routes added lately, as an attacker would call them (second pass of issue 17's hostile input):
 * GET /v1/me, the review queue, an order's workflow link, the console's static files, the LOA
 * signing page, comments, document downloads and the LOA. Every answer is below 500; every refusal
 * of the API is a problem+json naming its status and code; customer B never sees or touches customer
 * A's order, documents, comments, queue entry or workflow link; ops keys read and change nothing
 * (the store compared before and after); a request line or headers over Node's limit is the API's
 * own problem+json 431.
 */
import http from 'node:http';
import { connect } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import request from 'supertest';
import { createFieldCipher, DEV_FIELD_KEY } from '../../security/field-crypto';
import { SECOND_ACCOUNT_ID } from '../../store/seed';
import { buildConsole } from '../../scripts/build-console';
import { api, eventually } from '../support/api-client';
import { createDraft, submittedOrder } from '../support/order-fixtures';
import { waitForMail, waitForWorkflowStart } from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';

jest.setTimeout(180_000);

beforeAll(() => {
  buildConsole(); // only when console/dist is older than its sources
}, 120_000);
const stack = useStack({ autoAnswer: false });
const raw = () => request(stack.apiUrl);
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
const A = KEYS.customerKey;
const B = KEYS.secondCustomerKey;
const customerA = () => api(stack.apiUrl, A);
const customerB = () => api(stack.apiUrl, B);
const support = () => api(stack.apiUrl, KEYS.supportKey);

/** What a refusal must be: a 4xx problem document naming its status and a code. */
function problemsOf(name: string, res: request.Response, status?: number | number[]): string[] {
  const found: string[] = [];
  const allowed = status === undefined ? undefined : [status].flat();
  if (res.status >= 500) found.push(`${name}: a ${res.status}`);
  if (allowed && !allowed.includes(res.status)) found.push(`${name}: ${res.status}, expected ${allowed}`);
  if (res.status >= 400) {
    if (!String(res.headers['content-type']).startsWith('application/problem+json'))
      found.push(`${name}: ${res.status} as ${res.headers['content-type']}, not problem+json`);
    else if (res.body?.status !== res.status || typeof res.body?.code !== 'string')
      found.push(`${name}: problem without status/code: ${JSON.stringify(res.body).slice(0, 200)}`);
  }
  return found;
}

/** Sends each row and collects every miss, so one run names them all. */
async function expectRefusals(
  rows: [name: string, send: () => PromiseLike<request.Response>, status?: number | number[]][],
) {
  const misses: string[] = [];
  for (const [name, send, status] of rows) misses.push(...problemsOf(name, await send(), status));
  expect(misses).toEqual([]);
}

/** Everything stored about an order: the order, its comments, documents, signing requests, queue slot. */
async function storedAbout(id: string) {
  const db = stack.store.connection.db!;
  const order = await stack.store.models.Order.collection.findOne({ _id: id as never });
  if (!order) throw new Error(`order ${id} is not in the store`);
  const byOrder = (name: string) => db.collection(name).find({ orderId: id }).sort({ _id: 1 }).toArray();
  return {
    order,
    comments: await byOrder('port_in_order_comments'),
    files: await byOrder('document_chunks'),
    signing: await byOrder('loa_signature_requests'),
    listed: await db.collection('list_entries').find({ ref: id }).sort({ _id: 1 }).toArray(),
  };
}

/** The workflow's read-model writes have settled: two reads two seconds apart agree. */
async function settled(id: string) {
  await eventually(
    async () => {
      const first = await storedAbout(id);
      if (first.order.status !== 'draft' && !(Number(first.order.snapshotSeq) >= 1)) return false;
      await new Promise((r) => setTimeout(r, 2_000));
      return isDeepStrictEqual(first, await storedAbout(id));
    },
    (same) => same,
  );
}

let draftId: string; // A's draft, with an LOA
let draftDocId: string;
let submittedId: string; // A's submitted order, with a comment and an internal note
let foreignDocId: string; // a document of B's draft
let foreignId: string;
beforeAll(async () => {
  draftId = await createDraft(customerA(), '+12125550700');
  const loa = await customerA().upload(`/v1/port-in-orders/${draftId}/documents`, {
    kind: 'loa',
    loaTemplate: 'standard',
    signerName: 'Ada Lovelace',
  });
  draftDocId = loa.body.id;
  foreignId = await createDraft(customerB(), '+12125550702');
  foreignDocId = (
    await customerB().upload(`/v1/port-in-orders/${foreignId}/documents`, {
      kind: 'loa',
      loaTemplate: 'standard',
      signerName: 'Ada Lovelace',
    })
  ).body.id;
  submittedId = await submittedOrder(customerA(), '+12125550701');
  await waitForWorkflowStart(stack, submittedId);
  expect(
    (await customerA().post(`/v1/port-in-orders/${submittedId}/comments`, { body: 'hello' })).status,
  ).toBe(201);
  expect(
    (
      await support().post(`/v1/port-in-orders/${submittedId}/comments`, {
        body: 'staff only',
        internal: true,
      })
    ).status,
  ).toBe(201);
  expect([draftDocId, foreignDocId]).toEqual([expect.any(String), expect.any(String)]);
});

describe('request lines and headers over Node’s limit', () => {
  /** One raw request on its own connection; the answer as text, read until the server closes. */
  const exchange = (text: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect({ port: Number(new URL(stack.apiUrl).port), host: '127.0.0.1' });
      let answer = '';
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => (answer += d));
      socket.on('error', reject);
      socket.on('close', () => resolve(answer));
      socket.write(text);
      setTimeout(() => socket.destroy(), 10_000).unref();
    });

  test('a 20 kB query string or header is the API’s problem+json 431; the API then serves on', async () => {
    for (const text of [
      `GET /v1/port-in-orders?customerReference=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer ${A}\r\n\r\n`,
      `GET /v1/me HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer ${'k'.repeat(20_000)}\r\n\r\n`,
      `GET /console/${'c'.repeat(20_000)} HTTP/1.1\r\nHost: a\r\n\r\n`,
    ]) {
      const answer = await exchange(text);
      const [head, body] = answer.split('\r\n\r\n', 2);
      expect(head).toMatch(/^HTTP\/1\.1 431 /);
      expect(head).toMatch(/\r\nContent-Type: application\/problem\+json\r\n/i);
      expect(JSON.parse(body!)).toMatchObject({ status: 431, code: 'headers_too_large' });
    }
    expect((await exchange('NOT HTTP AT ALL\r\n\r\n')).split('\r\n')[0]).toMatch(/^HTTP\/1\.1 400 /);
    expect((await customerA().get('/v1/me')).status).toBe(200);
  });
});

describe('tenants: customer B and customer A’s order', () => {
  test('every route about A’s orders is a 404 to B (the workflow link a 403), and nothing of A’s changes', async () => {
    await settled(submittedId);
    const before = [await storedAbout(draftId), await storedAbout(submittedId)];
    const b = () => raw();
    const rows: [string, () => PromiseLike<request.Response>, number][] = [];
    for (const id of [draftId, submittedId]) {
      const p = `/v1/port-in-orders/${id}`;
      rows.push(
        [`GET ${p}`, () => b().get(p).set(bearer(B)), 404],
        [`GET ${p}/comments`, () => b().get(`${p}/comments`).set(bearer(B)), 404],
        [`POST ${p}/comments`, () => b().post(`${p}/comments`).set(bearer(B)).send({ body: 'hi' }), 404],
        [`GET ${p}/documents`, () => b().get(`${p}/documents`).set(bearer(B)), 404],
        [`GET ${p}/documents/{A's}`, () => b().get(`${p}/documents/${draftDocId}`).set(bearer(B)), 404],
        [`GET ${p}/loa`, () => b().get(`${p}/loa`).set(bearer(B)), 404],
        [
          `POST ${p}/loa/signature-requests`,
          () => b().post(`${p}/loa/signature-requests`).set(bearer(B)).send({ email: 'b@example.test' }),
          404,
        ],
        [`GET ${p}/workflow`, () => b().get(`${p}/workflow`).set(bearer(B)), 403],
        [`GET ${p}/events`, () => b().get(`${p}/events`).set(bearer(B)), 404],
        [`GET ${p}/requirements`, () => b().get(`${p}/requirements`).set(bearer(B)), 404],
        [`GET ${p}/port-date-options`, () => b().get(`${p}/port-date-options`).set(bearer(B)), 404],
        [`GET ${p}/cancellation-quote`, () => b().get(`${p}/cancellation-quote`).set(bearer(B)), 404],
        [
          `PUT ${p}/configuration`,
          () => b().put(`${p}/configuration`).set(bearer(B)).send({ capabilities: 'voice' }),
          404,
        ],
        [`PATCH ${p}`, () => b().patch(p).set(bearer(B)).send({ customerReference: 'mine now' }), 404],
        [`POST ${p}/submit`, () => b().post(`${p}/submit`).set(bearer(B)).send({}), 404],
        [`POST ${p}/cancel`, () => b().post(`${p}/cancel`).set(bearer(B)).send({}), 404],
        [
          `POST ${p}/resubmit`,
          () =>
            b()
              .post(`${p}/resubmit`)
              .set(bearer(B))
              .send({ corrections: { pin: '1111' } }),
          404,
        ],
        [
          `POST ${p}/port-date`,
          () => b().post(`${p}/port-date`).set(bearer(B)).send({ portDate: '2031-03-04' }),
          404,
        ],
        [`DELETE ${p}`, () => b().delete(p).set(bearer(B)), 404],
      );
    }
    await expectRefusals(rows);
    expect([await storedAbout(draftId), await storedAbout(submittedId)]).toEqual(before);

    // A's own document named under B's order, and B's under A's: both unknown there.
    await expectRefusals([
      [
        'B asks its own order for A’s document',
        () => raw().get(`/v1/port-in-orders/${foreignId}/documents/${draftDocId}`).set(bearer(B)),
        404,
      ],
      [
        'A asks its own order for B’s document',
        () => raw().get(`/v1/port-in-orders/${draftId}/documents/${foreignDocId}`).set(bearer(A)),
        404,
      ],
    ]);

    // B's own views name nothing of A's.
    const me = await customerB().get('/v1/me');
    expect(me.body).toMatchObject({ role: 'customer', accountId: SECOND_ACCOUNT_ID });
    const listed = await customerB().get('/v1/port-in-orders?limit=100');
    const ids = listed.body.data.map((o: { id: string }) => o.id);
    expect(ids).not.toContain(draftId);
    expect(ids).not.toContain(submittedId);
    await expectRefusals([
      ['B reads the review queue', () => raw().get('/v1/review-queue').set(bearer(B)), 403],
      ['B reads it with a cursor', () => raw().get('/v1/review-queue?cursor=abc').set(bearer(B)), 403],
    ]);
    // A's customer never reads support's internal note.
    const comments = await customerA().get(`/v1/port-in-orders/${submittedId}/comments`);
    expect(comments.body.data.map((c: { body: string }) => c.body)).toEqual(['hello']);
  });
});

describe('ops keys', () => {
  test('read the staff views, and every write is a 403 that changes nothing', async () => {
    const ops = () => api(stack.apiUrl, KEYS.opsKey);
    expect((await ops().get('/v1/me')).body).toEqual({ role: 'ops', keyName: expect.any(String) });
    const queue = await ops().get('/v1/review-queue');
    expect(queue.status).toBe(200);
    expect(queue.body.data.map((o: { id: string }) => o.id)).toContain(submittedId);
    expect((await ops().get(`/v1/port-in-orders/${submittedId}/workflow`)).status).toBe(200);

    await settled(submittedId);
    const before = [await storedAbout(draftId), await storedAbout(submittedId)];
    const o = () => raw();
    const key = bearer(KEYS.opsKey);
    const rows: [string, () => PromiseLike<request.Response>, number][] = [];
    for (const id of [draftId, submittedId]) {
      const p = `/v1/port-in-orders/${id}`;
      rows.push(
        [`POST ${p}/comments`, () => o().post(`${p}/comments`).set(key).send({ body: 'ops says' }), 403],
        [`GET ${p}/documents`, () => o().get(`${p}/documents`).set(key), 403],
        [`GET ${p}/documents/{id}`, () => o().get(`${p}/documents/${draftDocId}`).set(key), 403],
        [`GET ${p}/loa`, () => o().get(`${p}/loa`).set(key), 403],
        [
          `POST ${p}/loa/signature-requests`,
          () => o().post(`${p}/loa/signature-requests`).set(key).send({}),
          403,
        ],
        [
          `PUT ${p}/configuration`,
          () => o().put(`${p}/configuration`).set(key).send({ capabilities: 'voice' }),
          403,
        ],
        [`PATCH ${p}`, () => o().patch(p).set(key).send({ customerReference: 'ops' }), 403],
        [`POST ${p}/submit`, () => o().post(`${p}/submit`).set(key).send({}), 403],
        [`POST ${p}/cancel`, () => o().post(`${p}/cancel`).set(key).send({}), 403],
        [`POST ${p}/review`, () => o().post(`${p}/review`).set(key).send({ decision: 'approve' }), 403],
        [`POST ${p}/resubmit`, () => o().post(`${p}/resubmit`).set(key).send({}), 403],
        [
          `POST ${p}/port-date`,
          () => o().post(`${p}/port-date`).set(key).send({ portDate: '2031-03-04' }),
          403,
        ],
        [`DELETE ${p}`, () => o().delete(p).set(key), 403],
      );
    }
    await expectRefusals(rows);
    expect([await storedAbout(draftId), await storedAbout(submittedId)]).toEqual(before);
  });
});

describe('hostile ids, queries and methods on the new routes', () => {
  const odd = [
    '%00',
    'pio_%00',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '..%2F..%2Fpackage.json',
    '%FF',
    '%E2%82',
    encodeURIComponent('{"$gt":""}'),
    '$where',
    encodeURIComponent('😀'),
    'x'.repeat(5_000),
  ];

  test('ids: the workflow link, comments, documents and LOA answer 4xx problem+json', async () => {
    const rows: [string, () => PromiseLike<request.Response>, number[]][] = [];
    for (const id of odd) {
      const p = `/v1/port-in-orders/${id}`;
      const label = id.slice(0, 30);
      rows.push(
        [`workflow of ${label}`, () => raw().get(`${p}/workflow`).set(bearer(KEYS.supportKey)), [400, 404]],
        [`comments of ${label}`, () => raw().get(`${p}/comments`).set(bearer(A)), [400, 404]],
        [
          `comment on ${label}`,
          () => raw().post(`${p}/comments`).set(bearer(A)).send({ body: 'x' }),
          [400, 404],
        ],
        [`documents of ${label}`, () => raw().get(`${p}/documents`).set(bearer(A)), [400, 404]],
        [`LOA of ${label}`, () => raw().get(`${p}/loa`).set(bearer(A)), [400, 404]],
        [
          `document ${label} of A's draft`,
          () => raw().get(`/v1/port-in-orders/${draftId}/documents/${id}`).set(bearer(A)),
          [400, 404],
        ],
      );
    }
    rows.push(
      [
        'workflow of a draft',
        () => raw().get(`/v1/port-in-orders/${draftId}/workflow`).set(bearer(KEYS.supportKey)),
        [409],
      ],
      [
        'documents/ with no id',
        () => raw().get(`/v1/port-in-orders/${draftId}/documents/`).set(bearer(A)),
        [404],
      ],
    );
    await expectRefusals(rows);
  });

  test('the review queue’s cursor and limit, /v1/me without or with a bad key, odd methods', async () => {
    const sealedPin = Buffer.from(createFieldCipher(DEV_FIELD_KEY).encrypt('4321')).toString('base64url');
    const oldStyleCursor = Buffer.from(
      createFieldCipher(DEV_FIELD_KEY).encrypt(JSON.stringify({ s: 'x', k: [Date.now()] })),
    ).toString('base64url');
    const staff = bearer(KEYS.supportKey);
    const rows: [string, () => PromiseLike<request.Response>, number | number[]][] = [
      ...['x', 'x'.repeat(8_000), '%00', sealedPin, oldStyleCursor, '', '[]'].map(
        (cursor) =>
          [
            `cursor ${cursor.slice(0, 20)}`,
            () => raw().get(`/v1/review-queue?cursor=${cursor}`).set(staff),
            cursor === '' ? [200, 400, 422] : [400, 422],
          ] as [string, () => PromiseLike<request.Response>, number[]],
      ),
      ...['-1', '0', 'abc', '1e9', '10000', '1.5', '%00'].map(
        (limit) =>
          [`limit ${limit}`, () => raw().get(`/v1/review-queue?limit=${limit}`).set(staff), [400, 422]] as [
            string,
            () => PromiseLike<request.Response>,
            number[],
          ],
      ),
      ['limit twice', () => raw().get('/v1/review-queue?limit=1&limit=2').set(staff), [400, 422]],
      // Express's simple query parser reads `cursor[a]` as a parameter of that name: unknown, ignored.
      ['cursor as an object', () => raw().get('/v1/review-queue?cursor[a]=1').set(staff), 200],
      ['/v1/me without a key', () => raw().get('/v1/me'), 401],
      ['/v1/me with a made-up key', () => raw().get('/v1/me').set(bearer('nope')), 401],
      [
        '/v1/me with a 5 kB key',
        () =>
          raw()
            .get('/v1/me')
            .set(bearer('k'.repeat(5_000))),
        401,
      ],
      ['POST /v1/me', () => raw().post('/v1/me').set(bearer(A)).send({}), 405],
      ['DELETE /v1/review-queue', () => raw().delete('/v1/review-queue').set(staff), 405],
      [
        'PUT …/workflow',
        () => raw().put(`/v1/port-in-orders/${submittedId}/workflow`).set(staff).send({}),
        405,
      ],
      [
        'PATCH …/comments',
        () => raw().patch(`/v1/port-in-orders/${submittedId}/comments`).set(bearer(A)).send({}),
        405,
      ],
    ];
    await expectRefusals(rows);
  });

  test('comments: wrong types, huge and nested bodies are 4xx problem+json and store nothing', async () => {
    await settled(submittedId);
    const before = await storedAbout(submittedId);
    const p = `/v1/port-in-orders/${submittedId}/comments`;
    const post = (body: unknown, type = 'application/json') =>
      raw()
        .post(p)
        .set(bearer(A))
        .set('Content-Type', type)
        .send(typeof body === 'string' ? body : JSON.stringify(body));
    await expectRefusals([
      ['a number for a body', () => post({ body: 12 }), 422],
      ['an array for a body', () => post({ body: ['a'] }), 422],
      ['an empty body', () => post({ body: '' }), 422],
      ['internal as a string', () => post({ body: 'x', internal: 'yes' }), 422],
      ['a customer’s internal note', () => post({ body: 'x', internal: true }), 403],
      ['a JSON array', () => post([1, 2]), 422],
      ['a JSON string', () => post('"hello"'), [400, 422]],
      ['null', () => post('null'), [400, 422]],
      ['broken JSON', () => post('{"body": '), 400],
      ['a body of 2 MB', () => post({ body: 'x'.repeat(2_000_000) }), 413],
      ['a comment of 200 kB', () => post({ body: 'x'.repeat(200_000) }), 422],
      ['nested 10,000 deep', () => post('['.repeat(10_000) + ']'.repeat(10_000)), 400],
      ['form encoded', () => post('body=hi', 'application/x-www-form-urlencoded'), 415],
      ['operator keys', () => post({ body: { $gt: '' } }), 422],
    ]);
    expect(await storedAbout(submittedId)).toEqual(before);
  });
});

describe('the console’s static files', () => {
  test('traversal, encoded slashes, NUL, long paths and odd methods: never a 5xx, never a file outside it', async () => {
    const paths = [
      '/console/../package.json',
      '/console/%2e%2e/package.json',
      '/console/%2e%2e%2fpackage.json',
      '/console/..%2F..%2Fpackage.json',
      '/console/..%5C..%5Cpackage.json',
      '/console/%252e%252e%252fpackage.json',
      '/console/app.js%00.html',
      '/console/%00',
      '/console/%FF',
      '/console//etc/passwd',
      '/console/.%2e/.%2e/package.json',
      `/console/${'a'.repeat(5_000)}`,
      `/console/${'a/'.repeat(2_000)}`,
      '/console/index.html/',
      '/console/.env',
      '/console/app.js.map/..',
    ];
    const misses: string[] = [];
    for (const path of paths) {
      const res = await raw().get(path);
      misses.push(...problemsOf(`GET ${path.slice(0, 60)}`, res));
      if (/port-in-orchestrator|root:x:0/.test(res.text ?? ''))
        misses.push(`GET ${path}: served a file outside the console`);
    }
    for (const [name, headers] of [
      ['a range past the end', { Range: 'bytes=99999999-' }],
      ['a range that is no range', { Range: 'lines=1-2' }],
      ['many ranges', { Range: `bytes=${Array.from({ length: 500 }, (_, i) => `${i}-${i}`).join(',')}` }],
      ['a broken If-Modified-Since', { 'If-Modified-Since': 'yesterday, probably' }],
    ] as const) {
      const res = await raw().get('/console/app.js').set(headers);
      misses.push(...problemsOf(`GET /console/app.js with ${name}`, res, [200, 206, 404, 416]));
    }
    for (const method of ['post', 'put', 'delete', 'patch', 'options'] as const) {
      const res = await raw()[method]('/console/').send({});
      misses.push(
        ...problemsOf(
          `${method.toUpperCase()} /console/`,
          res,
          method === 'options' ? [200, 204, 404, 405] : [404, 405],
        ),
      );
    }
    for (const method of ['TRACE', 'PROPFIND', 'MKCOL']) {
      const res = await new Promise<{ status: number; headers: Record<string, unknown>; text: string }>(
        (resolve, reject) => {
          const req = http.request(`${stack.apiUrl}/console/`, { method }, (r) => {
            let text = '';
            r.on('data', (d: Buffer) => (text += d));
            r.on('end', () => resolve({ status: r.statusCode!, headers: r.headers, text }));
          });
          req.on('error', reject);
          req.end();
        },
      );
      if (res.status >= 500) misses.push(`${method} /console/: a ${res.status}`);
      if (res.status >= 400 && !String(res.headers['content-type']).startsWith('application/problem+json'))
        misses.push(`${method} /console/: ${res.status} as ${res.headers['content-type']}`);
    }
    expect(misses).toEqual([]);
    // And the console itself is still served.
    expect((await raw().get('/console/')).status).toBe(200);
  });
});

describe('the LOA signing page', () => {
  let path: string;
  let requestId: string;
  let signId: string;
  beforeAll(async () => {
    signId = await createDraft(customerA(), '+12125550703', {
      notificationEmail: 'hostile-sign@example.test',
    });
    const asked = await customerA().post(`/v1/port-in-orders/${signId}/loa/signature-requests`, {});
    expect(asked.status).toBe(201);
    requestId = asked.body.id;
    const mail = await waitForMail(stack, 'hostile-sign@example.test', /please sign/, 30_000);
    path = new URL(/(http:\/\/\S+\/loa-signing\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!).pathname;
  });

  const token = () => path.split('/').pop()!;
  /** A page refusal: its status, below 500, and a page (or a problem) that says why. */
  async function refusals(rows: [string, () => PromiseLike<request.Response>, number[]][]) {
    const misses: string[] = [];
    for (const [name, send, statuses] of rows) {
      const res = await send();
      if (!statuses.includes(res.status)) misses.push(`${name}: ${res.status}, expected ${statuses}`);
      if (res.status >= 500) misses.push(`${name}: a ${res.status}`);
      const type = String(res.headers['content-type']);
      if (!type.startsWith('text/html') && !type.startsWith('application/problem+json'))
        misses.push(`${name}: answered as ${type}`);
    }
    expect(misses).toEqual([]);
  }

  test('forged, truncated, re-spelled and foreign tokens; huge and wrong-typed bodies: 4xx, nothing stored', async () => {
    const before = await storedAbout(signId);
    const t = token();
    const fieldSealed = Buffer.from(
      createFieldCipher(DEV_FIELD_KEY).encrypt(
        JSON.stringify({ r: requestId, o: signId, e: Date.now() + 3_600_000 }),
      ),
    ).toString('base64url');
    const form = (tok: string, body: string, type = 'application/x-www-form-urlencoded') =>
      raw().post(`/loa-signing/${tok}`).set('Content-Type', type).send(body);
    await refusals([
      ['a random token', () => raw().get(`/loa-signing/${'A'.repeat(120)}`), [400]],
      ['the token cut short', () => raw().get(`/loa-signing/${t.slice(0, -5)}`), [400]],
      [
        'the token with a byte changed',
        () => raw().get(`/loa-signing/${t.slice(0, 10)}${t[10] === 'A' ? 'B' : 'A'}${t.slice(11)}`),
        [400],
      ],
      ['the token padded', () => raw().get(`/loa-signing/${t}==`), [400, 404]],
      ['the claims sealed with the field key', () => raw().get(`/loa-signing/${fieldSealed}`), [400]],
      ['a 5 kB token', () => raw().get(`/loa-signing/${'A'.repeat(5_000)}`), [400]],
      ['a NUL in the token', () => raw().get(`/loa-signing/${t}%00`), [400]],
      ['an undecodable token', () => raw().get('/loa-signing/%FF%FE'), [400]],
      ['the PDF of a forged token', () => raw().get(`/loa-signing/${'B'.repeat(120)}/loa.pdf`), [400]],
      [
        'signing with a forged token',
        () => form('C'.repeat(120), 'fullName=Ada+Lovelace&consent=yes'),
        [400],
      ],
      ['a body over 16 kB', () => form(t, `fullName=${'a'.repeat(40_000)}&consent=yes`), [413]],
      [
        'a JSON body',
        () => form(t, JSON.stringify({ fullName: 'Ada Lovelace', consent: 'yes' }), 'application/json'),
        [422],
      ],
      ['the name twice', () => form(t, 'fullName=Ada+Lovelace&fullName=Ada+Lovelace&consent=yes'), [422]],
      ['consent twice', () => form(t, 'fullName=Ada+Lovelace&consent=yes&consent=yes'), [422]],
      ['a name of control characters', () => form(t, 'fullName=%00%01%02&consent=yes'), [422]],
      ['a broken encoding', () => form(t, 'fullName=%E0%A4%A&consent=yes'), [400, 422]],
      [
        'a multipart body',
        () =>
          form(
            t,
            '--b\r\nContent-Disposition: form-data; name="fullName"\r\n\r\nAda\r\n--b--\r\n',
            'multipart/form-data; boundary=b',
          ),
        [422],
      ],
      ['PUT on the page', () => raw().put(`/loa-signing/${t}`).send({}), [404, 405]],
    ]);
    expect(await storedAbout(signId)).toEqual(before);
  });

  test('a client asking for JSON gets each refusal as problem+json, naming the fields of a bad signature', async () => {
    const json = { Accept: 'application/json' };
    const forged = await raw()
      .get(`/loa-signing/${'D'.repeat(120)}`)
      .set(json);
    expect(forged.status).toBe(400);
    expect(forged.headers['content-type']).toContain('application/problem+json');
    expect(forged.body).toMatchObject({ status: 400, code: 'invalid_link' });
    const unsigned = await raw().post(path).set(json).type('form').send({ fullName: 'Grace Hopper' });
    expect(unsigned.status).toBe(422);
    expect(unsigned.headers['content-type']).toContain('application/problem+json');
    expect(unsigned.body.code).toBe('invalid_signature');
    expect(
      unsigned.body.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`).sort(),
    ).toEqual(['consent required', 'fullName loa_signer_mismatch']);
  });

  test('a signing link for a draft whose notification email is no address is a 422; nothing stored', async () => {
    const id = await createDraft(customerA(), '+12125550705', { notificationEmail: 'not an address' });
    const before = await storedAbout(id);
    const res = await raw().post(`/v1/port-in-orders/${id}/loa/signature-requests`).set(bearer(A)).send({});
    expect(problemsOf('signature request', res, 422)).toEqual([]);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'notificationEmail' })]);
    expect(await storedAbout(id)).toEqual(before);
    // Named in the request instead, it goes.
    const named = await raw()
      .post(`/v1/port-in-orders/${id}/loa/signature-requests`)
      .set(bearer(A))
      .send({ email: 'hostile-named@example.test' });
    expect(named.status).toBe(201);
  });

  test('a used link is a 410 on replay, an expired one a 410; neither stores anything', async () => {
    const signed = await raw().post(path).type('form').send({ fullName: 'Ada Lovelace', consent: 'yes' });
    expect(signed.status).toBe(200);
    const after = await storedAbout(signId);
    await refusals([
      ['the page again', () => raw().get(path), [410]],
      [
        'signing again',
        () => raw().post(path).type('form').send({ fullName: 'Ada Lovelace', consent: 'yes' }),
        [410],
      ],
      ['its PDF again', () => raw().get(`${path}/loa.pdf`), [410]],
    ]);
    expect(await storedAbout(signId)).toEqual(after);

    // Another link, then its request expired in the store (as 72 h later).
    const email = 'hostile-expired@example.test';
    const other = await createDraft(customerA(), '+12125550704', { notificationEmail: email });
    const asked = await customerA().post(`/v1/port-in-orders/${other}/loa/signature-requests`, {});
    const mail = await waitForMail(stack, email, /please sign/, 30_000);
    const expiredPath = new URL(/(http:\/\/\S+\/loa-signing\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!).pathname;
    await stack.store.connection
      .db!.collection('loa_signature_requests')
      .updateOne({ _id: asked.body.id }, { $set: { expiresAt: new Date(Date.now() - 1_000) } });
    const beforeExpired = await storedAbout(other);
    await refusals([
      ['an expired link', () => raw().get(expiredPath), [410]],
      [
        'signing with it',
        () => raw().post(expiredPath).type('form').send({ fullName: 'Ada Lovelace', consent: 'yes' }),
        [410],
      ],
    ]);
    expect(await storedAbout(other)).toEqual(beforeExpired);
  });
});

describe('after all of it', () => {
  test('the API is healthy', async () => {
    const health = await Promise.all(['/healthz', '/readyz'].map((p) => fetch(`${stack.apiUrl}${p}`)));
    expect(health.map((r) => r.status)).toEqual([200, 200]);
  });
});
