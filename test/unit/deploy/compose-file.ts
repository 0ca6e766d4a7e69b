/**
 * docker-compose.yml and the Dockerfile as data, the way `docker compose` would read them:
 * YAML merge keys resolved, `${VAR:-default}` interpolated to its default, `${VAR:?message}` kept as
 * "set by whoever runs compose", `$$` unescaped, environment lists and maps alike.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './source-scan';

export interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  pull_policy?: string;
  command?: string[] | string;
  entrypoint?: string[] | string;
  environment?: Record<string, unknown> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  ports?: (string | number)[];
  restart?: string;
  stop_grace_period?: string;
  deploy?: { replicas?: number };
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
}

export const loadCompose = (file = path.join(ROOT, 'docker-compose.yml')): ComposeFile =>
  parse(readFileSync(file, 'utf8'), { merge: true }) as ComposeFile;

/** A value set from outside (`${X:?…}`) is "set": its value is unknown here. */
export const REQUIRED_FROM_OUTSIDE = '<required from the environment>';

/** Compose's interpolation, with the variables of the shell running it unknown (defaults apply). */
export function interpolate(value: string): string {
  const dollar = '\u0000';
  return value
    .replace(/\$\$/g, dollar)
    .replace(/\$\{([A-Z_][A-Z0-9_]*)(?::?-([^}]*))?\}/g, (_m, _name: string, def?: string) => def ?? '')
    .replace(/\$\{[A-Z_][A-Z0-9_]*:?\?[^}]*\}/g, REQUIRED_FROM_OUTSIDE)
    .replaceAll(dollar, '$');
}

/** The service's environment, interpolated. */
export function environmentOf(service: ComposeService): Record<string, string> {
  const raw = service.environment ?? {};
  const entries: [string, string][] = Array.isArray(raw)
    ? raw.map((line) => {
        const [name, ...rest] = line.split('=');
        return [name, rest.join('=')];
      })
    : Object.entries(raw).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]);
  return Object.fromEntries(entries.map(([k, v]) => [k, interpolate(v)]));
}

export function dependsOn(service: ComposeService): Record<string, string> {
  const raw = service.depends_on ?? {};
  if (Array.isArray(raw)) return Object.fromEntries(raw.map((name) => [name, 'service_started']));
  return Object.fromEntries(
    Object.entries(raw).map(([name, d]) => [name, d?.condition ?? 'service_started']),
  );
}

export const asArgs = (value: string[] | string | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value.map(String) : value.split(/\s+/);

/** Container-side port of each `ports:` entry ("3000:3000", "127.0.0.1:8080:8080", 7233). */
export const publishedContainerPorts = (service: ComposeService): number[] =>
  (service.ports ?? []).map((p) => Number(String(p).split(':').pop()!.split('/')[0]));

/** Durations as compose writes them: 45s, 1m30s, 500ms. */
export function seconds(duration: string): number {
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };
  let total = 0;
  for (const [, n, unit] of duration.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(n) * units[unit];
  return total;
}

// ---- the Dockerfile ----

export interface DockerStage {
  name: string;
  from: string;
  instructions: { op: string; args: string }[];
}

/** The stages of a Dockerfile, line continuations joined and comments dropped. */
export function loadDockerfile(file = path.join(ROOT, 'Dockerfile')): DockerStage[] {
  const lines = readFileSync(file, 'utf8')
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: DockerStage[] = [];
  for (const line of lines) {
    const [, op, args] = /^(\S+)\s+(.*)$/.exec(line) ?? [];
    if (!op) continue;
    if (op.toUpperCase() === 'FROM') {
      const [, from, name] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(args) ?? [];
      stages.push({ name: name ?? String(stages.length), from, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args: args.replace(/\s+/g, ' ') });
    }
  }
  return stages;
}

/** `ENV A=1 B=2` (and the legacy `ENV A 1`) as a map. */
export function envOfStage(stage: DockerStage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { args } of stage.instructions.filter((i) => i.op === 'ENV')) {
    if (!args.includes('=')) {
      const [name, ...value] = args.split(' ');
      env[name] = value.join(' ');
      continue;
    }
    for (const [, name, value] of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)/g))
      env[name] = value.replace(/^"|"$/g, '');
  }
  return env;
}
