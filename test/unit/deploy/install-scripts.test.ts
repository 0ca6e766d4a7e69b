/**
 * `npm ci` on a clean clone ends without a warning a new user cannot act on: every dependency that
 * ships an install script (the lockfile's `hasInstallScript`) is decided in package.json's
 * `allowScripts` (npm 11 warns about each one left out; npm 12 skips its script). Allowed: the
 * native tool binaries (esbuild, @swc/core); denied: telemetry (@scarf/scarf) and a version check
 * (protobufjs), which nothing here needs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

test('every dependency with an install script is allowed or denied in package.json', () => {
  const lock = json('package-lock.json') as {
    packages: Record<string, { hasInstallScript?: boolean }>;
  };
  const withScripts = Object.entries(lock.packages)
    .filter(([, p]) => p.hasInstallScript)
    .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length));
  expect(withScripts.length).toBeGreaterThan(0); // the lockfile still records them
  const decided = Object.keys((json('package.json') as { allowScripts?: object }).allowScripts ?? {}).map(
    (key) => key.replace(/(.)@.*$/, '$1'), // a pinned entry, `name@version`
  );
  expect([...new Set(withScripts)].filter((name) => !decided.includes(name))).toEqual([]);
});
