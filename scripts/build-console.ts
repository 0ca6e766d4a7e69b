/**
 * Builds the web console (console/src, Preact + TSX) into console/dist: app.js (one esbuild bundle),
 * app.css and index.html, served by the API at /console/ (api/console-route.ts). Skipped when the
 * dist is newer than every source, so `npm start`, the test command and `npm run build` can call it
 * each time.
 *
 *   npx ts-node --transpile-only scripts/build-console.ts [--force]
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = ((): string => {
  let dir = __dirname; // scripts/ under ts-node, lib/scripts/ once compiled
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();
export const CONSOLE_SRC = path.join(ROOT, 'console', 'src');
export const CONSOLE_DIST = path.join(ROOT, 'console', 'dist');
/** Sources outside console/src that end up in the bundle (pure domain vocabulary and formatting). */
const SHARED_SOURCES = ['domain/statuses.ts', 'domain/time-display.ts', 'domain/rejection-codes.ts'].map(
  (f) => path.join(ROOT, f),
);

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const p of paths) {
    if (!fs.existsSync(p)) continue;
    const stat = fs.statSync(p);
    if (stat.isDirectory())
      newest = Math.max(newest, newestMtime(fs.readdirSync(p).map((name) => path.join(p, name))));
    else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/** True when console/dist is missing or older than a source (or this script). */
export function consoleBuildIsStale(): boolean {
  const built = path.join(CONSOLE_DIST, 'app.js');
  if (!fs.existsSync(built) || !fs.existsSync(path.join(CONSOLE_DIST, 'index.html'))) return true;
  const sources = newestMtime([CONSOLE_SRC, ...SHARED_SOURCES, __filename]);
  return sources > fs.statSync(built).mtimeMs;
}

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Port-in console</title>
    <link rel="stylesheet" href="app.css" />
  </head>
  <body>
    <noscript>The port-in console needs JavaScript.</noscript>
    <div id="app"></div>
    <script src="app.js"></script>
  </body>
</html>
`;

export function buildConsole(options: { force?: boolean } = {}): { built: boolean } {
  if (!options.force && !consoleBuildIsStale()) return { built: false };
  fs.mkdirSync(CONSOLE_DIST, { recursive: true });
  buildSync({
    entryPoints: [path.join(CONSOLE_SRC, 'main.tsx')],
    outfile: path.join(CONSOLE_DIST, 'app.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    tsconfig: path.join(ROOT, 'console', 'tsconfig.json'),
    logLevel: 'warning',
  });
  fs.copyFileSync(path.join(CONSOLE_SRC, 'styles.css'), path.join(CONSOLE_DIST, 'app.css'));
  fs.writeFileSync(path.join(CONSOLE_DIST, 'index.html'), INDEX_HTML);
  return { built: true };
}

if (require.main === module) {
  const { built } = buildConsole({ force: process.argv.includes('--force') });
  console.log(built ? '[console] built console/dist' : '[console] console/dist is up to date');
}
