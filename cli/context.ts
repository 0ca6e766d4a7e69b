/** What every command needs: the API client (configured lazily, so --help needs no key) and output. */
import type { Command } from 'commander';
import { ApiClient } from './client';
import { resolveConfig } from './config';
import { json } from './format';

export interface GlobalOptions {
  json?: boolean;
  apiKey?: string;
  apiUrl?: string;
  config?: string;
}

export interface Context {
  api: ApiClient;
  /** --json: stdout carries only the API's JSON, for scripts. */
  json: boolean;
  /** A result: the raw JSON with --json, else the readable text. */
  result(raw: unknown, readable: () => string): void;
  /** Human commentary (quotes before a prompt): stdout normally, stderr with --json to keep stdout parseable. */
  note(text: string): void;
}

export function contextOf(cmd: Command): Context {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  const api = new ApiClient(resolveConfig(opts));
  const isJson = Boolean(opts.json);
  return {
    api,
    json: isJson,
    result: (raw, readable) => process.stdout.write(`${isJson ? json(raw) : readable()}\n`),
    note: (text) => (isJson ? process.stderr : process.stdout).write(`${text}\n`),
  };
}

/** Path segment for an order id typed by a person (a '/' or '?' must not change the route). */
export const orderPath = (id: string, suffix = ''): string =>
  `/v1/port-in-orders/${encodeURIComponent(id)}${suffix}`;

/**
 * The order's zone, where a person reads its instants (`when`); none with --json, which prints the
 * API's UTC values as sent and so needs no second call.
 */
export async function orderZone(ctx: Context, id: string): Promise<string | undefined> {
  if (ctx.json) return undefined;
  return (await ctx.api.get<{ timeZone?: string }>(orderPath(id))).timeZone;
}
