/**
 * A stand-in for the /v1 API (api/routes/orders.ts) on an ephemeral port: it records every request
 * and checks the bearer key, so tests can assert what portctl sent and what it did not send.
 */
import express from 'express';
import type { AddressInfo } from 'node:net';
import { perTestFile } from '../../support/per-file';

export const SUPPORT_KEY = 'sk-support-test-7f3a91';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
  authorization?: string;
  idempotencyKey?: string;
}

export interface FakeApi {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export const ORDER = {
  id: 'pio_1',
  accountId: 'acct_demo',
  status: 'in_progress',
  customerReference: 'REF-42',
  country: 'US',
  timeZone: 'America/New_York',
  review: 'approved',
  needsAttention: true,
  waitingFor: [{ what: 'carrier FOC confirmation', until: '2026-05-02T17:00:00Z' }],
  losingCarrier: { name: 'Acme Wireless', accountNumber: '*****4321', pin: '**21' },
  numbers: [
    { phoneNumber: '+12125550147', status: 'accepted', focDate: '2026-05-10', activated: false },
    {
      phoneNumber: '+12125550148',
      status: 'canceled',
      activated: false,
      cancellation: { by: 'support', feeCents: 2500 },
    },
  ],
  fees: [{ phoneNumber: '+12125550148', feeCents: 2500, reason: 'cancellation', at: '2026-05-01T12:00:00Z' }],
  totalFeesCents: 2500,
};

/** A draft: its numbers have no status yet, only `phoneNumbers`. */
export const DRAFT = {
  ...ORDER,
  id: 'pio_draft',
  status: 'draft',
  needsAttention: false,
  waitingFor: [],
  phoneNumbers: ['+12125550150', '+12125550151'],
  numbers: [],
  fees: [],
  totalFeesCents: 0,
};

export const PAGE = {
  data: [ORDER, { ...ORDER, id: 'pio_0', status: 'in_review', needsAttention: false, totalFeesCents: 0 }],
  nextCursor: 'pio_0',
};

const problem = (res: express.Response, status: number, code: string, title: string, errors?: unknown[]) =>
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: `https://x/${code}`, title, status, code, ...(errors ? { errors } : {}) }));

/** Quote per number: +...0149 is inside 72 h (support only, $25), the rest free; pio_closed is refused. */
function quoteFor(id: string, numbers: string[]) {
  const quoted = numbers.map((phoneNumber) =>
    id === 'pio_closed'
      ? { phoneNumber, window: 'closed', feeCents: 0, allowedRoles: [], refusal: 'number_closed' }
      : phoneNumber.endsWith('0149')
        ? { phoneNumber, window: 'inside_72h', feeCents: 2500, allowedRoles: ['support'], hoursUntilPort: 30 }
        : {
            phoneNumber,
            window: 'open',
            feeCents: 0,
            allowedRoles: ['customer', 'support'],
            hoursUntilPort: 200,
          },
  );
  return {
    currency: 'USD',
    numbers: quoted,
    totalCents: quoted.reduce((s, q) => s + q.feeCents, 0),
    allowed: quoted.every((q) => !q.refusal),
  };
}

export async function startFakeApi(): Promise<FakeApi> {
  const requests: RecordedRequest[] = [];
  const app = express();
  app.use(express.json());
  app.use((req, res, next) => {
    requests.push({
      method: req.method,
      path: req.path,
      query: { ...req.query },
      body: req.body,
      authorization: req.header('authorization'),
      idempotencyKey: req.header('idempotency-key'),
    });
    if (req.header('authorization') !== `Bearer ${SUPPORT_KEY}`)
      return problem(res, 401, 'unauthenticated', 'unknown API key');
    next();
  });
  const base = '/v1/port-in-orders';
  const all = ['+12125550147', '+12125550149'];
  app.get(base, (_req, res) => res.json(PAGE));
  app.get(`${base}/:id`, (req, res) =>
    req.params.id === ORDER.id
      ? res.json(ORDER)
      : req.params.id === DRAFT.id
        ? res.json(DRAFT)
        : problem(res, 404, 'not_found', 'port-in order not found'),
  );
  app.get(`${base}/:id/events`, (_req, res) =>
    res.json({
      data: [
        { orderId: 'pio_1', seq: 1, at: '2026-04-01T10:00:00Z', type: 'submitted', phoneNumbers: all },
        { orderId: 'pio_1', seq: 2, at: '2026-04-02T10:00:00Z', type: 'review_approved', phoneNumbers: all },
      ],
    }),
  );
  app.get(`${base}/:id/cancellation-quote`, (req, res) => {
    const numbers = req.query.phoneNumbers ? String(req.query.phoneNumbers).split(',') : all;
    res.json(quoteFor(req.params.id, numbers));
  });
  const charged = (numbers: string[] | undefined) => {
    const q = quoteFor('pio_1', numbers ?? all);
    return {
      currency: 'USD',
      numbers: q.numbers.map(({ phoneNumber, feeCents }) => ({ phoneNumber, feeCents })),
      totalCents: q.totalCents,
    };
  };
  app.post(`${base}/:id/cancel`, (req, res) => res.json(charged(req.body.phoneNumbers)));
  app.post(`${base}/:id/port-date`, (req, res) =>
    req.body.portDate < '2026-01-01'
      ? problem(res, 422, 'invalid_request', 'the request has problems; see errors', [
          { code: 'date_in_past', field: 'portDate', message: 'the port date is in the past' },
        ])
      : res.json({ ...charged(req.body.phoneNumbers), focDate: req.body.portDate }),
  );
  app.post(`${base}/:id/resubmit`, (req, res) =>
    res.json({ phoneNumbers: req.body.phoneNumbers ?? all, attempt: 2 }),
  );
  app.post(`${base}/:id/review`, (req, res) =>
    req.params.id === 'pio_closed'
      ? problem(res, 409, 'order_closed', 'the order has finished; nothing can change it any more')
      : res.json({
          review: req.body.decision === 'approve' ? 'approved' : 'rejected',
          // Read-your-writes: the API answers with the order as the action left it.
          order: {
            ...ORDER,
            status: req.body.decision === 'approve' ? 'in_progress' : 'rejected',
            review: req.body.decision === 'approve' ? 'approved' : 'rejected',
          },
        }),
  );

  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** One fake API for a whole test file, with the portctl environment pointing at it; requests cleared per test. */
export function useFakeApi(): { api: FakeApi; env: Record<string, string> } {
  const env: Record<string, string> = {};
  const api = perTestFile(
    'the fake API',
    async () => {
      const running = await startFakeApi();
      Object.assign(env, { PORTCTL_API_URL: running.url, PORTCTL_API_KEY: SUPPORT_KEY });
      return running;
    },
    (running) => running.close(),
  );
  beforeEach(() => {
    api.requests.length = 0;
  });
  return { api, env };
}
