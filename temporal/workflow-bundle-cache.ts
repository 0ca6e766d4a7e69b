/**
 * The workflow bundle, built by webpack once per version of the workflow code and reused from a
 * cache afterwards: a worker (re)start or a test file then loads a file instead of spending seconds
 * of CPU in webpack.
 *
 * The cache key is a SHA-256 over every source file the workflow code can reach through relative
 * imports (from workflows/index.ts and the failure converter), the installed dependency versions
 * (package-lock.json) and the bundler options: any change to any of them builds a new bundle.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from './data-converter';

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_CACHE_DIR = path.join(ROOT, '.local', 'cache', 'workflow-bundles');
/** Changing how bundles are built must change every key. */
const BUNDLE_FORMAT = 'v1';

const IMPORT_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** The file a relative import names, as TypeScript resolves it (or undefined when it is not ours). */
function resolveSource(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.js`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.js'),
  ];
  return candidates.find((c) => existsSync(c) && !c.endsWith(path.sep) && /\.(ts|js|json)$/.test(c));
}

/** Every source file reachable from `entries` through relative imports, sorted. */
export function workflowSourceFiles(entries: string[]): string[] {
  const seen = new Set<string>();
  const pending = [...entries];
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT_SPECIFIER)) {
      const specifier = match[1];
      if (!specifier.startsWith('.')) continue; // packages: covered by package-lock.json
      const resolved = resolveSource(file, specifier);
      if (resolved) pending.push(resolved);
    }
  }
  return [...seen].sort();
}

/** The cache key of the workflow code at `workflowsPath` as it is on disk now. */
export function workflowBundleKey(workflowsPath: string, failureConverterPath: string): string {
  const hash = createHash('sha256').update(BUNDLE_FORMAT);
  for (const file of workflowSourceFiles([workflowsPath, failureConverterPath])) {
    hash.update(`\0${path.relative(ROOT, file)}\0`).update(readFileSync(file));
  }
  const lockFile = path.join(ROOT, 'package-lock.json');
  if (existsSync(lockFile)) hash.update('\0package-lock.json\0').update(readFileSync(lockFile));
  return hash.digest('hex').slice(0, 32);
}

export interface CachedBundle {
  /** The bundle file, for `Worker.create({ workflowBundle: { codePath } })`. */
  codePath: string;
  /** True when this call ran webpack (nothing was cached for this version of the code). */
  built: boolean;
}

/**
 * The bundle of the workflow code as it is now: from the cache, or built and cached. Concurrent
 * callers may build the same bundle twice; each writes a temporary file and renames it into place,
 * so a reader never sees a half-written bundle.
 */
export async function cachedWorkflowBundle(
  options: { workflowsPath?: string; failureConverterPath?: string; cacheDir?: string } = {},
): Promise<CachedBundle> {
  const workflowsPath = options.workflowsPath ?? require.resolve('../workflows');
  const failureConverterPath = options.failureConverterPath ?? FAILURE_CONVERTER_PATH;
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const codePath = path.join(cacheDir, `${workflowBundleKey(workflowsPath, failureConverterPath)}.js`);
  if (existsSync(codePath)) return { codePath, built: false };
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    failureConverterPath,
    logger: new DefaultLogger('WARN'),
  });
  mkdirSync(cacheDir, { recursive: true });
  const temporary = `${codePath}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, code);
  renameSync(temporary, codePath);
  return { codePath, built: true };
}
