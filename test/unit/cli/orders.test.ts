/** portctl orders list|show|events, and how API errors reach the operator. */
import { ORDER, PAGE, SUPPORT_KEY, useFakeApi } from './fake-api';
import { runCli } from './run-cli';

jest.setTimeout(30_000);

const { api, env } = useFakeApi();

test('orders list sends the filters and the bearer key, and prints a table with the next cursor', async () => {
  const r = await runCli(
    [
      'orders',
      'list',
      '--status',
      'in_progress',
      '--phone',
      '+12125550147',
      '--account',
      'acct_demo',
      '--limit',
      '5',
      '--cursor',
      'pio_9',
    ],
    env,
  );
  expect(r.code).toBe(0);
  expect(api.requests).toEqual([
    expect.objectContaining({
      method: 'GET',
      path: '/v1/port-in-orders',
      query: {
        status: 'in_progress',
        phoneNumber: '+12125550147',
        accountId: 'acct_demo',
        limit: '5',
        cursor: 'pio_9',
      },
      authorization: `Bearer ${SUPPORT_KEY}`,
    }),
  ]);
  const lines = r.stdout.split('\n');
  expect(lines[0]).toMatch(/^ID\s+STATUS\s+ATTENTION\s+ACCOUNT\s+NUMBERS\s+FEES\s+REFERENCE$/);
  // Each row names its numbers (split drafts are told apart by them), not just how many.
  expect(lines[1]).toMatch(
    /^pio_1\s+in_progress\s+yes\s+acct_demo\s+\+12125550147,\+12125550148\s+\$25\.00\s+REF-42$/,
  );
  expect(lines[2]).toMatch(
    /^pio_0\s+in_review\s+-\s+acct_demo\s+\+12125550147,\+12125550148\s+\$0\.00\s+REF-42$/,
  );
  expect(r.stdout).toContain('more: --cursor pio_0');
});

test('orders list --json prints exactly what the API returned', async () => {
  const r = await runCli(['orders', 'list', '--json'], env);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual(PAGE);
});

test('orders show prints numbers, FOC dates, fees in dollars and what the order waits for', async () => {
  const r = await runCli(['orders', 'show', 'pio_1'], env);
  expect(r.code).toBe(0);
  expect(api.requests.map((q) => q.path)).toEqual(['/v1/port-in-orders/pio_1']);
  expect(r.stdout).toMatch(/Status\s+in_progress \(needs attention\)/);
  // Instants in the order's zone, named (the API's 2026-05-02T17:00:00Z); --json keeps the UTC value.
  expect(r.stdout).toMatch(/carrier FOC confirmation\s+Sat 2 May 2026, 13:00 EDT \(America\/New_York\)/);
  expect(r.stdout).toMatch(/\+12125550148\s+\$25\.00\s+cancellation\s+Fri 1 May 2026, 08:00 EDT/);
  expect(r.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  expect(r.stdout).toMatch(/\+12125550147\s+accepted\s+2026-05-10/);
  expect(r.stdout).toMatch(/\+12125550148\s+canceled\s+-\s+-\s+canceled by support, fee \$25\.00/);
  expect(r.stdout).toMatch(/\+12125550148\s+\$25\.00\s+cancellation/);
  expect(r.stdout).toContain('Total fees: $25.00');
});

test('orders show lists the numbers of a draft, which have no status yet', async () => {
  const r = await runCli(['orders', 'show', 'pio_draft'], env);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/\+12125550150\s+draft/);
  expect(r.stdout).toMatch(/\+12125550151\s+draft/);
});

test('orders show --json prints the order as the API sent it', async () => {
  const r = await runCli(['--json', 'orders', 'show', 'pio_1'], env);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual(ORDER);
});

test('orders events prints the timeline in order', async () => {
  const r = await runCli(['orders', 'events', 'pio_1'], env);
  expect(r.code).toBe(0);
  // The order is read too, for the zone its instants are shown in.
  expect(api.requests.map((q) => q.path).sort()).toEqual([
    '/v1/port-in-orders/pio_1',
    '/v1/port-in-orders/pio_1/events',
  ]);
  const rows = r.stdout.trim().split('\n').slice(1);
  expect(rows).toHaveLength(2);
  expect(rows[0]).toMatch(
    /^1\s+Wed 1 Apr 2026, 06:00 EDT \(America\/New_York\)\s+submitted\s+\+12125550147,\+12125550149\s+-$/,
  );
  expect(rows[1]).toMatch(/^2\s+.*review_approved/);
});

test('a problem+json answer goes to stderr with its code, exit 1, nothing on stdout', async () => {
  const r = await runCli(['orders', 'show', 'pio_nope'], env);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('error: port-in order not found (not_found, HTTP 404)');
});

test('with --json the problem document itself goes to stderr', async () => {
  const r = await runCli(['orders', 'show', 'pio_nope', '--json'], env);
  expect(r.code).toBe(1);
  expect(JSON.parse(r.stderr)).toMatchObject({ code: 'not_found', status: 404 });
});

test('a rejected key is exit 1 with the code, and the key is never printed', async () => {
  const r = await runCli(['orders', 'list'], { ...env, PORTCTL_API_KEY: 'sk-wrong-secret-123' });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('unauthenticated');
  expect(r.stderr + r.stdout).not.toContain('sk-wrong-secret-123');
});

test('an unknown --status is a usage error (exit 2) and nothing is sent', async () => {
  const r = await runCli(['orders', 'list', '--status', 'bogus'], env);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/Allowed choices are draft, in_review/);
  expect(api.requests).toHaveLength(0);
});
