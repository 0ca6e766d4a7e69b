/**
 * Serving the API over HTTP and stopping it gracefully: on close, the listener stops accepting at
 * once, requests in flight finish (their connections then close instead of staying keep-alive),
 * idle connections are dropped, and whatever is still open after the grace period is cut. Only then
 * are the backing connections (Temporal, the store) closed, in the order given, so no request in
 * flight loses them.
 */
import { createServer, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientErrors } from './client-errors';

export interface ServerOptions {
  port: number;
  host?: string;
  /** How long requests in flight may take to finish once closing starts (default 10 s). */
  graceMs?: number;
  /** Run in order after the HTTP server has closed, e.g. the Temporal connection, then the store. */
  onClose?: Array<() => Promise<unknown> | unknown>;
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops gracefully (see the module comment); resolves when everything is closed. Idempotent. */
  close(): Promise<{ cutRequests: number }>;
}

export async function startServer(app: RequestListener, options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? (() => undefined);
  const server = createServer(app);
  answerClientErrors(server); // an over-long query string or header: a problem+json 431, not a bare status
  const inFlight = new Set<ServerResponse>();
  let closing: Promise<{ cutRequests: number }> | undefined;

  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    // A request arriving on a kept-alive connection while closing still gets its answer, then the
    // connection closes.
    if (closing) res.setHeader('Connection', 'close');
    res.once('close', () => {
      inFlight.delete(res);
      // Its connection may now be idle (a response streamed before closing began stays keep-alive).
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  const close = () =>
    (closing ??= (async () => {
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      const pending = inFlight.size;
      log(`closing: ${pending} request(s) in flight, up to ${options.graceMs ?? 10_000} ms to finish`);
      let cutRequests = 0;
      const grace = setTimeout(() => {
        cutRequests = inFlight.size;
        log(`grace period over: cutting ${cutRequests} request(s)`);
        server.closeAllConnections();
      }, options.graceMs ?? 10_000);
      grace.unref();
      // Stops listening now; resolves once every connection has ended.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      clearTimeout(grace);
      for (const closer of options.onClose ?? []) {
        try {
          await closer();
        } catch (err) {
          log(`a close step failed: ${(err as Error).message}`);
        }
      }
      log('closed');
      return { cutRequests };
    })());

  return { url: `http://${host}:${port}`, port, close };
}

/** SIGTERM and SIGINT close the server gracefully, then exit 0 (1 if closing itself failed). */
export function closeOnSignals(running: RunningServer, exit: (code: number) => void = process.exit): void {
  const stop = () => {
    running.close().then(
      () => exit(0),
      () => exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
