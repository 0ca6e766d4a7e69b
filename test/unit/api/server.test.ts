/**
 * Graceful shutdown of the HTTP server (api/server.ts): a request in flight finishes while new
 * connections are refused, idle keep-alive connections do not hold the shutdown up, a request that
 * never ends is cut after the grace period, and the backing connections close last, in order.
 */
import express from 'express';
import http from 'node:http';
import { connect } from 'node:net';
import { startServer, type RunningServer } from '../../../api/server';

/** A route that answers only when the test says so, and says when it has started. */
function slowApp(onAnswered: () => void = () => undefined) {
  let release!: () => void;
  let entered!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const started = new Promise<void>((r) => (entered = r));
  const app = express();
  app.get('/slow', async (_req, res) => {
    entered();
    await released;
    res.once('finish', onAnswered);
    res.json({ done: true });
  });
  app.get('/fast', (_req, res) => res.json({ fast: true }));
  return { app, release, started };
}

const get = (url: string, agent?: http.Agent) =>
  new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body, connection: res.headers.connection }));
      })
      .on('error', reject);
  });

const connectError = (port: number) =>
  new Promise<string>((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve('connected')));
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

test('a request in flight completes while new connections are refused; then the closers run in order', async () => {
  const steps: string[] = [];
  const { app, release, started } = slowApp(() => steps.push('response sent'));
  running = await startServer(app, {
    port: 0,
    graceMs: 60_000,
    onClose: [async () => steps.push('temporal closed'), async () => steps.push('store closed')],
  });
  const inFlight = get(`${running.url}/slow`);
  await started;
  const closed = running.close().then((r) => (steps.push('server closed'), r));
  expect(await connectError(running.port)).toBe('ECONNREFUSED');
  expect(steps).toEqual([]); // nothing closes under the request in flight
  release();
  const response = await inFlight;
  expect(response).toMatchObject({ status: 200, body: '{"done":true}', connection: 'close' });
  expect(await closed).toEqual({ cutRequests: 0 });
  expect(steps).toEqual(['response sent', 'temporal closed', 'store closed', 'server closed']);
});

test('idle keep-alive connections do not hold the shutdown up', async () => {
  const { app } = slowApp();
  running = await startServer(app, { port: 0, graceMs: 60_000 });
  const agent = new http.Agent({ keepAlive: true });
  expect((await get(`${running.url}/fast`, agent)).status).toBe(200);
  await expect(running.close()).resolves.toEqual({ cutRequests: 0 });
  agent.destroy();
});

test('a request that never finishes is cut after the grace period, and closing still completes', async () => {
  const { app, started } = slowApp();
  const closers: string[] = [];
  running = await startServer(app, { port: 0, graceMs: 50, onClose: [() => closers.push('store')] });
  const hanging = get(`${running.url}/slow`).then(
    () => 'answered',
    (err: NodeJS.ErrnoException) => err.code,
  );
  await started;
  await expect(running.close()).resolves.toEqual({ cutRequests: 1 });
  expect(await hanging).toBe('ECONNRESET');
  expect(closers).toEqual(['store']);
});

test('close is idempotent and a failing close step does not stop the next one', async () => {
  const { app } = slowApp();
  const steps: string[] = [];
  const log: string[] = [];
  running = await startServer(app, {
    port: 0,
    log: (m) => log.push(m),
    onClose: [() => Promise.reject(new Error('temporal already gone')), () => steps.push('store closed')],
  });
  const [a, b] = await Promise.all([running.close(), running.close()]);
  expect(a).toBe(b);
  expect(steps).toEqual(['store closed']);
  expect(log).toContain('a close step failed: temporal already gone');
});
