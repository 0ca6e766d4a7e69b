/**
 * Where the API is and which key to use. Precedence: command-line flag, then environment
 * (PORTCTL_API_URL / PORTCTL_API_KEY), then the config file, then the default URL. The key is
 * never printed anywhere, including in error messages.
 */
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './errors';

export const DEFAULT_API_URL = 'http://localhost:3000';

export interface ResolvedConfig {
  apiUrl: string;
  apiKey: string;
}

export interface ConfigFlags {
  apiKey?: string;
  apiUrl?: string;
  config?: string;
}

export function defaultConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'portctl', 'config.json');
}

interface FileConfig {
  apiUrl?: string;
  apiKey?: string;
}

/** Reads the file; a missing default file is fine, a missing file named with --config is not. */
function readConfigFile(path: string, explicit: boolean, warn: (m: string) => void): FileConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !explicit) return {};
    throw new UsageError(`cannot read config file ${path}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not the parser's message: it can quote the file's content, which holds the key.
    throw new UsageError(`config file ${path} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new UsageError(`config file ${path} must be a JSON object {"apiUrl", "apiKey"}`);
  const { apiUrl, apiKey } = parsed as Record<string, unknown>;
  for (const [name, value] of Object.entries({ apiUrl, apiKey }))
    if (value !== undefined && typeof value !== 'string')
      throw new UsageError(`config file ${path}: "${name}" must be a string`);
  // A support key can act on every account: say so when others on the machine can read it.
  if (apiKey && process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0)
    warn(`warning: ${path} is readable by other users; run: chmod 600 ${path}`);
  return { apiUrl: apiUrl as string | undefined, apiKey: apiKey as string | undefined };
}

export function resolveConfig(
  flags: ConfigFlags,
  env: NodeJS.ProcessEnv = process.env,
  warn: (m: string) => void = (m) => process.stderr.write(`${m}\n`),
): ResolvedConfig {
  const path = flags.config ?? defaultConfigPath(env);
  const file = readConfigFile(path, flags.config !== undefined, warn);
  const apiUrl = flags.apiUrl || env.PORTCTL_API_URL || file.apiUrl || DEFAULT_API_URL;
  const apiKey = flags.apiKey || env.PORTCTL_API_KEY || file.apiKey;
  if (!apiKey)
    throw new UsageError(
      `no API key: set PORTCTL_API_KEY, pass --api-key, or put "apiKey" in ${path} (a support key)`,
    );
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new UsageError(`the API URL is not a valid URL (from --api-url, PORTCTL_API_URL or ${path})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError('the API URL must be http:// or https://');
  return { apiUrl: apiUrl.replace(/\/+$/, ''), apiKey };
}
