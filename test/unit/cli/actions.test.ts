/** portctl review, quote, cancel, port-date and resubmit: what is sent, and what is not. */
import { SUPPORT_KEY, useFakeApi, type RecordedRequest } from './fake-api';
import { runCli } from './run-cli';

jest.setTimeout(30_000);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const { api, env } = useFakeApi();

const posts = (): RecordedRequest[] => api.requests.filter((r) => r.method === 'POST');

test('review approve posts the decision and note with a fresh Idempotency-Key per invocation', async () => {
  const first = await runCli(['review', 'pio_1', 'approve', '--note', 'docs checked'], env);
  const second = await runCli(['review', 'pio_1', 'approve'], env);
  expect([first.code, second.code]).toEqual([0, 0]);
  // The answer carries the order as the action left it: shown, so no second call is needed.
  expect(first.stdout.trim()).toBe(
    'pio_1: review approved\nOrder pio_1 is now in_progress (review approved).',
  );
  const [a, b] = posts();
  expect(a).toMatchObject({
    path: '/v1/port-in-orders/pio_1/review',
    body: { decision: 'approve', note: 'docs checked' },
    authorization: `Bearer ${SUPPORT_KEY}`,
  });
  expect(b.body).toEqual({ decision: 'approve' });
  expect(a.idempotencyKey).toMatch(UUID);
  expect(b.idempotencyKey).toMatch(UUID);
  expect(a.idempotencyKey).not.toBe(b.idempotencyKey);
});

test('review reject sends the reason code', async () => {
  const r = await runCli(['review', 'pio_1', 'reject', '--reason', 'data_mismatch'], env);
  expect(r.code).toBe(0);
  expect(posts()).toEqual([
    expect.objectContaining({ body: { decision: 'reject', reasonCode: 'data_mismatch' } }),
  ]);
  expect(r.stdout.trim()).toBe('pio_1: review rejected\nOrder pio_1 is now rejected (review rejected).');
});

test('review reject without --reason is a usage error and sends nothing', async () => {
  const r = await runCli(['review', 'pio_1', 'reject'], env);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('reject needs --reason');
  expect(api.requests).toHaveLength(0);
});

test('a 409 from the workflow is exit 1 with its code on stderr', async () => {
  const r = await runCli(['review', 'pio_closed', 'approve'], env);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('(order_closed, HTTP 409)');
  expect(r.stdout).toBe('');
});

test('quote prints the fee per number and the total without changing anything', async () => {
  const r = await runCli(['quote', 'pio_1'], env);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/\+12125550147\s+open\s+\$0\.00\s+200\s+customer,support/);
  expect(r.stdout).toMatch(/\+12125550149\s+inside_72h\s+\$25\.00\s+30\s+support/);
  expect(r.stdout).toContain('Total: $25.00');
  expect(posts()).toHaveLength(0);
});

test('cancel --yes quotes the chosen numbers, cancels them and prints the fee total', async () => {
  const r = await runCli(['cancel', 'pio_1', '--numbers', '+12125550149', '--yes'], env);
  expect(r.code).toBe(0);
  expect(api.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
    'GET /v1/port-in-orders/pio_1/cancellation-quote',
    'POST /v1/port-in-orders/pio_1/cancel',
  ]);
  expect(api.requests[0].query).toEqual({ phoneNumbers: '+12125550149' });
  expect(api.requests[1].body).toEqual({ phoneNumbers: ['+12125550149'] });
  expect(api.requests[1].idempotencyKey).toMatch(UUID);
  expect(r.stdout).toContain('Canceled 1 number(s).');
  expect(r.stdout).toMatch(/\+12125550149\s+\$25\.00\n/);
  expect(r.stdout).toContain('Total charged: $25.00');
});

test('cancel --json keeps stdout to the API result and shows the quote on stderr', async () => {
  const r = await runCli(['cancel', 'pio_1', '--yes', '--json'], env);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual({
    currency: 'USD',
    numbers: [
      { phoneNumber: '+12125550147', feeCents: 0 },
      { phoneNumber: '+12125550149', feeCents: 2500 },
    ],
    totalCents: 2500,
  });
  expect(r.stderr).toContain('Total: $25.00');
});

test('cancel without --yes on a non-TTY shows the quote, refuses, and sends no cancel', async () => {
  const r = await runCli(['cancel', 'pio_1'], env);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('refusing to make a change that may charge fees without --yes');
  expect(r.stdout).toContain('Total: $25.00');
  expect(posts()).toHaveLength(0);
});

test('cancel stops when the quote refuses the change, even with --yes', async () => {
  const r = await runCli(['cancel', 'pio_closed', '--yes'], env);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/closed\s+\$0\.00\s+-\s+-\s+number_closed/);
  expect(r.stderr).toContain('not allowed now');
  expect(posts()).toHaveLength(0);
});

test('port-date --yes posts the new date for the chosen numbers and prints the FOC and fees', async () => {
  const r = await runCli(
    ['port-date', 'pio_1', '2026-06-15', '--numbers', '+12125550147,+12125550149', '-y'],
    env,
  );
  expect(r.code).toBe(0);
  expect(posts()).toEqual([
    expect.objectContaining({
      path: '/v1/port-in-orders/pio_1/port-date',
      body: { portDate: '2026-06-15', phoneNumbers: ['+12125550147', '+12125550149'] },
    }),
  ]);
  expect(r.stdout).toContain('New FOC date: 2026-06-15');
  expect(r.stdout).toContain('Total charged: $25.00');
});

test('port-date without --yes on a non-TTY sends no change', async () => {
  const r = await runCli(['port-date', 'pio_1', '2026-06-15'], env);
  expect(r.code).toBe(2);
  expect(posts()).toHaveLength(0);
});

test('port-date rejects an impossible date before contacting the API', async () => {
  const r = await runCli(['port-date', 'pio_1', '2026-02-30', '--yes'], env);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('YYYY-MM-DD');
  expect(api.requests).toHaveLength(0);
});

test('a 422 lists every field problem on stderr', async () => {
  const r = await runCli(['port-date', 'pio_1', '2025-01-01', '--yes'], env);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('(invalid_request, HTTP 422)');
  expect(r.stderr).toContain('  - portDate: the port date is in the past (date_in_past)');
});

test('resubmit sends the numbers and corrections, and does not echo the secrets', async () => {
  const r = await runCli(
    [
      'resubmit',
      'pio_1',
      '--numbers',
      '+12125550147',
      '--pin',
      '9876',
      '--account-number',
      'AC-55501',
      '--btn',
      '+12125550100',
    ],
    env,
  );
  expect(r.code).toBe(0);
  expect(posts()).toEqual([
    expect.objectContaining({
      path: '/v1/port-in-orders/pio_1/resubmit',
      body: {
        phoneNumbers: ['+12125550147'],
        corrections: { accountNumber: 'AC-55501', pin: '9876', btn: '+12125550100' },
      },
    }),
  ]);
  expect(r.stdout.trim()).toBe('Resubmitted +12125550147 (attempt 2); corrected: accountNumber, pin, btn');
  expect(r.stdout).not.toContain('9876');
  expect(r.stdout).not.toContain('AC-55501');
});
