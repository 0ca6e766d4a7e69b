/**
 * `npm start` needs Node and Go only (issue #12, item 2): the Java time-skipping test server is the
 * test command's (scripts/test.sh → scripts/servers/fetch-test-server.sh), and every message of the
 * setup names things that exist.
 *
 * Read statically: nothing `npm start` runs (its package.json script, scripts/setup.sh and every
 * script it runs or sources, scripts/start.ts and the scripts it imports) calls the test-server fetch,
 * Java or Maven. Run for real: the steps `npm start` runs before starting its processes, with a PATH
 * from which java and mvn are absent (the servers are cached under .local/, so they return in
 * seconds); and without Go on an empty .local/, the one message naming the alternatives, each of
 * which exists.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ENV_VARS } from '../../../config/env-vars';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const startScript: string = JSON.parse(read('package.json')).scripts.start;

/** A call of the Java test server's fetch, of the test server, or of Java or Maven themselves. */
const CALLS_JAVA = {
  sh: /fetch-test-server|\bmvn\b|\bjava\b/,
  ts: /fetch-test-server|\.testServer\(|['"`](?:java|mvn)['"`\s]/,
};
const callsJava = (file: string) => CALLS_JAVA[file.endsWith('.sh') ? 'sh' : 'ts'].test(code(file));

/** A shell script and every script it runs (`bash scripts/…`) or sources, transitively. */
function shellScripts(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const dir = path.dirname(file);
  const text = read(file);
  for (const m of text.matchAll(/\bbash\s+((?:scripts\/)[\w./-]+\.sh)/g)) shellScripts(m[1], seen);
  for (const m of text.matchAll(/"\$\(dirname "\$0"\)\/([\w.-]+\.sh)"/g))
    shellScripts(path.join(dir, m[1]), seen);
  for (const m of text.matchAll(/\bsource\s+"\$\(dirname "\$0"\)\/([\w.-]+\.sh)"/g))
    shellScripts(path.join(dir, m[1]), seen);
  return seen;
}

/** A TypeScript file and the files of the repository it imports, transitively (node_modules aside). */
function tsImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const m of read(file).matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)) {
    const target = path.join(path.dirname(file), m[1]);
    const found = [`${target}.ts`, `${target}.js`, path.join(target, 'index.ts')].find((f) =>
      existsSync(path.join(ROOT, f)),
    );
    if (found) tsImports(found, seen);
  }
  return seen;
}

/** The commands of the start script before the last, which starts the processes. */
const preSteps = startScript.split('&&').map((s) => s.trim());

describe('statically', () => {
  test('the start script is setup, then the start (the steps this test runs are its own)', () => {
    expect(preSteps[0]).toBe('bash scripts/setup.sh');
    expect(preSteps[preSteps.length - 1]).toMatch(/scripts\/start\.ts$/);
  });

  test('nothing npm start runs calls the Java test-server fetch, Java or Maven', () => {
    const files = [
      ...preSteps.flatMap((step) => [...step.matchAll(/(scripts\/[\w./-]+\.(?:sh|ts))/g)].map((m) => m[1])),
    ].flatMap((f) => [...(f.endsWith('.sh') ? shellScripts(f) : tsImports(f))]);
    // The walk found the builds (a guard against checking nothing).
    expect(files).toEqual(
      expect.arrayContaining([
        'scripts/setup.sh',
        'scripts/servers/build-temporal.sh',
        'scripts/servers/build-ferretdb.sh',
        'scripts/servers/common.sh',
        'scripts/start.ts',
        'scripts/servers/processes.ts',
        'scripts/supervisor/supervisor.ts',
      ]),
    );
    expect(CALLS_JAVA.sh.test(startScript)).toBe(false);
    expect(files.filter(callsJava)).toEqual([]);
  });

  test('the test command is the one that fetches it (the pattern above would see it)', () => {
    expect(callsJava('scripts/test.sh')).toBe(true);
    expect(read('package.json')).toMatch(/"test": "bash scripts\/test\.sh"/);
  });
});

/** A file without its comments: a comment may say where the test server comes from. */
function code(file: string): string {
  const text = read(file);
  return file.endsWith('.sh')
    ? text
        .split('\n')
        .filter((l) => !/^\s*#/.test(l))
        .map((l) => l.replace(/\s+#\s.*$/, ''))
        .join('\n')
    : text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

/** A bin folder of links to every command on PATH but those named, and the project's own bins. */
function pathWithout(...absent: string[]): string {
  const bin = mkdtempSync(path.join(tmpdir(), 'path-without-'));
  scratch.push(bin);
  const dirs = [path.join(ROOT, 'node_modules', '.bin'), ...(process.env.PATH ?? '').split(':')];
  for (const dir of dirs) {
    if (!dir || !existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (absent.includes(name) || existsSync(path.join(bin, name))) continue;
      const target = path.join(dir, name);
      try {
        if (statSync(target).isFile()) symlinkSync(target, path.join(bin, name));
      } catch {
        // a dangling link on PATH: not a command
      }
    }
  }
  return bin;
}

const scratch: string[] = [];
afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

const JAVA_TOOLS = ['java', 'javac', 'mvn', 'mvnw', 'jshell'];

function run(command: string, env: NodeJS.ProcessEnv) {
  const result = spawnSync('bash', ['-c', command], { cwd: ROOT, env, encoding: 'utf8', timeout: 240_000 });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

const cleanEnv = (PATH: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH, ...extra };
  for (const name of [
    'TEMPORAL_CLI_PATH',
    'FERRETDB_PATH',
    'TEMPORAL_TEST_SERVER_PATH',
    'JAVA_HOME',
    'M2_HOME',
  ])
    delete env[name];
  return env;
};

/** Every variable the source reads (config/env-vars.ts lists them, checked against the source). */
const readVariables = new Set(Object.keys(ENV_VARS));

/** The project paths a message names (`scripts/…`, `docker-compose.yml`, `.local/…`, absolute paths). */
function namedPaths(text: string): string[] {
  const words = text.split(/[\s'"`(),;:=]+/).map((w) => w.replace(/[.…]+$/, ''));
  return words.filter(
    (w) =>
      !w.includes('://') &&
      !w.startsWith('/path/to') && // a placeholder
      (/^\.?[\w-]+\/[\w./-]*$/.test(w) || /^\/[\w./-]+$/.test(w) || /^[\w-]+\.(yml|md|sh)$/.test(w)),
  );
}

jest.setTimeout(300_000);

describe('run as npm start runs it, without Java and Maven', () => {
  test('the setup steps succeed, and every path and variable their messages name exists', () => {
    const PATH = pathWithout(...JAVA_TOOLS);
    const env = cleanEnv(PATH);
    // The PATH is real: Node and Go are there, Java and Maven are not.
    expect(run('command -v node && command -v go', env).code).toBe(0);
    for (const tool of ['java', 'mvn']) expect(run(`command -v ${tool}`, env).code).not.toBe(0);

    for (const step of preSteps.slice(0, -1)) {
      const { code: status, out } = run(step, env);
      expect({ step, status, out }).toEqual({ step, status: 0, out });
      expect(out).not.toMatch(/\b(java|maven|mvn)\b/i);
      const paths = namedPaths(out);
      for (const named of paths)
        expect(`${named}: ${existsSync(named) || existsSync(path.join(ROOT, named))}`).toBe(`${named}: true`);
    }
  });
});

describe('without Go, on a clean .local/', () => {
  test('setup stops with one message whose alternatives exist, and it asks for no Java', () => {
    const local = mkdtempSync(path.join(tmpdir(), 'setup-no-go-'));
    scratch.push(local);
    const env = cleanEnv(pathWithout(...JAVA_TOOLS, 'go', 'gofmt'), { PORTIN_LOCAL_DIR: local });
    const { code: status, out } = run('bash scripts/setup.sh', env);
    expect(status).toBe(1);
    expect(out).toMatch(/go is needed to build .* and was not found on PATH/);
    // One message names every binary Go would build: no second error after setting the first.
    expect(out).toMatch(/TEMPORAL_CLI_PATH=/);
    expect(out).toMatch(/FERRETDB_PATH=/);
    expect(out).not.toMatch(/\b(java|maven|mvn)\b/i);
    // Every variable it names is one the project reads; every file it names is in the repository.
    const variables = [...out.matchAll(/\b([A-Z][A-Z0-9]*_[A-Z0-9_]+)=/g)].map((m) => m[1]);
    expect(variables.length).toBeGreaterThan(0);
    for (const name of variables) expect(`${name}: ${readVariables.has(name)}`).toBe(`${name}: true`);
    const files = namedPaths(out).filter((p) => !p.startsWith('/'));
    expect(files).toContain('docker-compose.yml');
    for (const file of files) expect(`${file}: ${existsSync(path.join(ROOT, file))}`).toBe(`${file}: true`);
    // Nothing was half-built.
    mkdirSync(path.join(local, 'bin'), { recursive: true });
    expect(readdirSync(path.join(local, 'bin'))).toEqual([]);
  });
});
