/**
 * What the code reads from the environment, found by reading the source: every variable named in
 * `process.env.X`, `env.X`, `env['X']` or passed by name to a reading helper (`int('API_PORT', …)`,
 * `integerFromEnv(env, 'CARRIER_SIM_PORT', …)`), per file and per process (the files an entry point
 * reaches through relative imports).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Every folder of service code (tests, benchmarks and build output excluded). */
const SOURCE_DIRS = [
  'activities',
  'api',
  'carrier',
  'carrier-simulator',
  'cli',
  'config',
  'domain',
  'notifications',
  'scripts',
  'security',
  'store',
  'temporal',
  'worker',
  'workflows',
];

const ENV_READS = [
  /process\.env\.([A-Z][A-Z0-9_]*)/g,
  /process\.env\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]/g,
  /\benv\.([A-Z][A-Z0-9_]*)/g,
  /\benv\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]/g,
  /\(\s*(?:env\s*,\s*)?['"]([A-Z][A-Z0-9]*_[A-Z0-9_]+)['"]\s*,/g,
];

const RELATIVE_IMPORTS = [
  /\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g,
  /\bimport\s+['"](\.{1,2}\/[^'"]+)['"]/g,
  /\brequire(?:\.resolve)?\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
];

/** Comments name variables without reading them. */
const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

const read = (file: string) => withoutComments(readFileSync(file, 'utf8'));

const matches = (code: string, patterns: RegExp[]) =>
  patterns.flatMap((p) => [...code.matchAll(p)].map((m) => m[1]));

export function envReadsOf(file: string): string[] {
  return [...new Set(matches(read(file), ENV_READS))].sort();
}

/** Whether the file hands the environment to the Temporal SDK's envconfig. */
export const usesTemporalEnvconfig = (file: string) => /['"]@temporalio\/envconfig['"]/.test(read(file));

export function sourceFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return walk(full);
      return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
    });
  return SOURCE_DIRS.map((d) => path.join(ROOT, d))
    .filter((d) => existsSync(d))
    .flatMap(walk);
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find((f) => existsSync(f) && statSync(f).isFile());
}

/** The entry file and every file it reaches through relative imports. */
export function reachableFrom(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of matches(read(file), RELATIVE_IMPORTS)) {
      const target = resolveImport(file, spec);
      if (target?.endsWith('.ts')) visit(target);
    }
  };
  visit(entry);
  return [...seen];
}

/** Variables a process started from `entry` reads: by name in its files, plus the SDK's if it uses envconfig. */
export function envReadsOfProcess(entry: string, temporalSdkVars: string[]): Set<string> {
  const files = reachableFrom(entry);
  const names = new Set(files.flatMap(envReadsOf));
  if (files.some(usesTemporalEnvconfig)) temporalSdkVars.forEach((n) => names.add(n));
  return names;
}
