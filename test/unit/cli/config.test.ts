/** Where portctl finds the API and the key: flags, environment, config file; and never printing the key. */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORT_KEY, useFakeApi } from './fake-api';
import { emptyHome, runCli } from './run-cli';

jest.setTimeout(30_000);

const { api } = useFakeApi();

/** A HOME whose ~/.config/portctl/config.json holds `content`, private (0600) unless told. */
function homeWithConfig(content: string, mode = 0o600): string {
  const home = emptyHome();
  mkdirSync(join(home, '.config/portctl'), { recursive: true });
  const path = join(home, '.config/portctl/config.json');
  writeFileSync(path, content);
  chmodSync(path, mode);
  return home;
}

test('without a key it says where to put one, exits 2 and sends nothing', async () => {
  const r = await runCli(['orders', 'list'], { PORTCTL_API_URL: api.url });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('no API key: set PORTCTL_API_KEY, pass --api-key, or put "apiKey" in');
  expect(r.stderr).toContain('.config/portctl/config.json');
  expect(api.requests).toHaveLength(0);
});

test('the default config file supplies the URL and the key', async () => {
  const home = homeWithConfig(JSON.stringify({ apiUrl: api.url, apiKey: SUPPORT_KEY }));
  const r = await runCli(['orders', 'show', 'pio_1', '--json'], { HOME: home });
  expect(r.code).toBe(0);
  expect(api.requests).toEqual([expect.objectContaining({ authorization: `Bearer ${SUPPORT_KEY}` })]);
  expect(r.stderr).toBe('');
});

test('the environment wins over the config file', async () => {
  const home = homeWithConfig(JSON.stringify({ apiUrl: 'http://127.0.0.1:9', apiKey: 'sk-stale-file-key' }));
  const r = await runCli(['orders', 'list', '--json'], {
    HOME: home,
    PORTCTL_API_URL: api.url,
    PORTCTL_API_KEY: SUPPORT_KEY,
  });
  expect(r.code).toBe(0);
  expect(api.requests.map((q) => q.authorization)).toEqual([`Bearer ${SUPPORT_KEY}`]);
});

test('--config names another file; a missing one is a usage error', async () => {
  const other = join(homeWithConfig('{}'), 'elsewhere.json');
  writeFileSync(other, JSON.stringify({ apiUrl: api.url, apiKey: SUPPORT_KEY }), { mode: 0o600 });
  const ok = await runCli(['--config', other, 'orders', 'list']);
  expect(ok.code).toBe(0);
  expect(ok.stdout).toMatch(/^ID\s+STATUS/);

  const missing = await runCli(['orders', 'list', '--config', `${other}.nope`], {
    PORTCTL_API_KEY: SUPPORT_KEY,
  });
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('cannot read config file');
  expect(api.requests).toHaveLength(1);
});

test('--api-key works, and a rejected one is not echoed back', async () => {
  const good = await runCli(['orders', 'list', '--api-key', SUPPORT_KEY, '--api-url', api.url]);
  expect(good.code).toBe(0);
  const bad = await runCli(['orders', 'list', '--api-key', 'sk-typo-000', '--api-url', api.url]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('unauthenticated');
  expect(bad.stderr).not.toContain('sk-typo-000');
});

test('a config file that is not JSON is named without quoting its content (which holds the key)', async () => {
  const home = homeWithConfig('{ "apiKey": "sk-leaky-4242", oops }');
  const r = await runCli(['orders', 'list'], { HOME: home, PORTCTL_API_URL: api.url });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('is not valid JSON');
  expect(r.stderr).not.toContain('sk-leaky-4242');
});

test('a config file readable by others gets a chmod warning, and still works', async () => {
  const home = homeWithConfig(JSON.stringify({ apiUrl: api.url, apiKey: SUPPORT_KEY }), 0o644);
  const r = await runCli(['orders', 'list'], { HOME: home });
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('is readable by other users; run: chmod 600');
});
