/**
 * The console's API types are generated from the API's OpenAPI document: a route or schema changed
 * in api/ without regenerating them (`npm run console:types`) fails here, so the console's typed
 * calls never drift from the API. The check runs as a child process (openapi-typescript loads ES
 * modules that Jest's module system cannot).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '../../..');
const check = (file?: string) =>
  spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'scripts/console-types.ts', '--check', ...(file ? [file] : [])],
    { cwd: ROOT, encoding: 'utf8' },
  );

test('console/src/api-types.ts is what openapi-typescript makes of the API document now', () => {
  const result = check();
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
}, 120_000);

test('the check fails on types that lag behind the document (one route left out)', () => {
  const committed = fs.readFileSync(path.join(ROOT, 'console/src/api-types.ts'), 'utf8');
  const stale = committed.replace("'/v1/me'", "'/v1/me-before'");
  expect(stale).not.toBe(committed);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'console-types-')), 'api-types.ts');
  fs.writeFileSync(file, stale);
  const result = check(file);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('out of date: run npm run console:types');
}, 120_000);
