/**
 * What Node's HTTP parser refuses before Express sees it (api/client-errors.ts, installed by
 * api/server.ts): a query string or header over the 16 kB limit is a problem+json 431, a request
 * that is not HTTP a problem+json 400; the connection closes after; ordinary requests are untouched.
 */
import express from 'express';
import { connect } from 'node:net';
import { startServer, type RunningServer } from '../../../api/server';

let running: RunningServer;
beforeAll(async () => {
  const app = express();
  app.get('/ok', (_req, res) => res.json({ ok: true }));
  running = await startServer(app, { port: 0, graceMs: 100 });
});
afterAll(() => running.close());

/** Writes `raw` on a fresh connection and reads until the server closes it. */
const exchange = (raw: string) =>
  new Promise<{ text: string; closed: boolean }>((resolve, reject) => {
    const socket = connect({ port: running.port, host: '127.0.0.1' });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (text += d));
    socket.on('error', reject);
    socket.on('close', () => resolve({ text, closed: true }));
    socket.write(raw);
    // A server that kept the connection open would leave this hanging: cut it after a while.
    setTimeout(() => socket.destroy(), 5_000).unref();
  });

/** The status, headers and JSON body of one raw HTTP/1.1 response. */
function parse(text: string) {
  const [head, body] = text.split('\r\n\r\n', 2) as [string, string];
  const [statusLine, ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine!.split(' ')[1]), headers, body: body ? JSON.parse(body) : undefined };
}

test('a query string over 16 kB is a problem+json 431, and the connection closes', async () => {
  const { text, closed } = await exchange(`GET /ok?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
  const res = parse(text);
  expect(res.status).toBe(431);
  expect(res.headers['content-type']).toBe('application/problem+json');
  expect(res.headers.connection).toBe('close');
  expect(res.body).toEqual({
    type: 'https://docs.port-in.example/problems/headers_too_large',
    title: expect.stringContaining('16 kB'),
    status: 431,
    code: 'headers_too_large',
  });
  expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(res.body)));
  expect(closed).toBe(true);
});

test('one header over the limit, or many small ones, is the same 431', async () => {
  for (const headers of [
    `X-Big: ${'b'.repeat(17_000)}\r\n`,
    Array.from({ length: 400 }, (_, i) => `X-H${i}: ${'c'.repeat(60)}\r\n`).join(''),
  ]) {
    const res = parse((await exchange(`GET /ok HTTP/1.1\r\nHost: x\r\n${headers}\r\n`)).text);
    expect({ status: res.status, code: res.body?.code, type: res.headers['content-type'] }).toEqual({
      status: 431,
      code: 'headers_too_large',
      type: 'application/problem+json',
    });
  }
});

test('what is not HTTP is a problem+json 400', async () => {
  for (const raw of [
    'HELLO\r\n\r\n',
    'GET /ok HTTP/1.1\r\nHost x\r\n\r\n',
    'GET /ok HTTP/9.9\r\n\r\n',
    // A body length said twice, two ways (request smuggling): Node refuses it, so do we, in words.
    'POST /ok HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
  ]) {
    const res = parse((await exchange(raw)).text);
    expect({ raw, status: res.status, code: res.body?.code, type: res.headers['content-type'] }).toEqual({
      raw,
      status: 400,
      code: 'malformed_request',
      type: 'application/problem+json',
    });
  }
});

test('ordinary requests are answered as before, the server stays up', async () => {
  const res = await fetch(`${running.url}/ok?q=${'a'.repeat(8_000)}`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ok: true });
});
