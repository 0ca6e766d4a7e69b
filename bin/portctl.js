#!/usr/bin/env node
/**
 * The package's `portctl` bin (`npx portctl` right after `npm ci`, no build step): in a checkout it
 * runs the TypeScript source through ts-node (transpile-only: type checks are the build's job), so
 * it is never a stale build of older source; where the source or ts-node is absent (an image with
 * production dependencies only) it runs the compiled lib/cli/portctl.js that `npm run build` wrote.
 */
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'cli', 'portctl.ts');

function tsNode() {
  try {
    return require(require.resolve('ts-node', { paths: [root] }));
  } catch {
    return undefined;
  }
}

function load() {
  const compiler = existsSync(source) ? tsNode() : undefined;
  if (compiler) {
    compiler.register({ transpileOnly: true, project: path.join(root, 'tsconfig.json') });
    return require(source);
  }
  const built = path.join(root, 'lib', 'cli', 'portctl.js');
  if (existsSync(built)) return require(built);
  process.stderr.write(
    'portctl: neither cli/portctl.ts with ts-node (run npm ci) nor lib/cli/portctl.js (run npm run build)\n',
  );
  process.exit(2); // usage/config error, as portctl's own
}

// exitCode, not exit(): lets stdout drain when piped.
load()
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
