/**
 * Cluster mode's load balancer: one port (API_PORT) in front of the API replicas
 * (API_PROXY_TARGETS, `host:port,host:port`), round robin. What a production load balancer does with
 * a replica that is gone, this does too: a connection refused (the request never reached it) is sent
 * to the next replica, and a replica that refused is skipped for a second. A request cut off by a
 * replica dying mid-way is answered `502` (problem+json): the client knows it was not served whole
 * and may retry (the API's write routes are idempotent by key or by state).
 */
import http from 'node:http';
import { answerClientErrors } from '../../api/client-errors';

const listenPort = Number(process.env.API_PORT ?? 3000);
const listenHost = process.env.API_HOST || '127.0.0.1';
const targets = (process.env.API_PROXY_TARGETS ?? '')
  .split(',')
  .map((t) => t.trim())
  .filter(Boolean)
  .map((t) => {
    const [host, port] = t.split(':');
    return { host: host!, port: Number(port), downUntil: 0 };
  });
if (!targets.length) {
  console.error('api-proxy: API_PROXY_TARGETS names no replica (host:port,host:port)');
  process.exit(2);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let next = 0;

/** The replicas in the order to try for one request: the next in turn first, those known down last. */
function order(): typeof targets {
  const start = next++ % targets.length;
  const turn = [...targets.slice(start), ...targets.slice(0, start)];
  const now = Date.now();
  return [...turn.filter((t) => t.downUntil <= now), ...turn.filter((t) => t.downUntil > now)];
}

function problem(res: http.ServerResponse, status: number, code: string, detail: string) {
  if (res.headersSent) return void res.destroy();
  const body = JSON.stringify({ type: 'about:blank', title: 'Bad gateway', status, code, detail });
  res.writeHead(status, { 'content-type': 'application/problem+json', 'retry-after': '1' }).end(body);
}

function forward(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, tries: typeof targets) {
  const target = tries.shift();
  if (!target) return problem(res, 502, 'no_replica', 'no API replica accepted the connection');
  const upstream = http.request(
    {
      host: target.host,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' },
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    },
  );
  let sent = false;
  upstream.on('socket', (socket) => {
    if (!socket.connecting) sent = true; // a kept-alive socket: the request goes out on it at once
    socket.once('connect', () => (sent = true));
  });
  upstream.on('error', (err: NodeJS.ErrnoException) => {
    // Never reached the replica (refused, or a kept-alive socket it had closed), or a read that is
    // safe to send twice (GET, HEAD, as nginx's proxy_next_upstream): the next replica.
    const retryable = !sent || err.code === 'ECONNREFUSED' || req.method === 'GET' || req.method === 'HEAD';
    if (err.code === 'ECONNREFUSED') target.downUntil = Date.now() + 1_000;
    if (retryable && !res.headersSent) return forward(req, res, body, tries);
    problem(
      res,
      502,
      'replica_failed',
      `the API replica failed while serving the request (${err.code ?? err.message})`,
    );
  });
  upstream.end(body);
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => forward(req, res, Buffer.concat(chunks), order()));
  req.on('error', () => res.destroy());
});
server.keepAliveTimeout = 5_000;
answerClientErrors(server); // the API's own problem+json for what the parser refuses
server.listen(listenPort, listenHost, () =>
  console.log(
    `api-proxy listening on http://${listenHost}:${listenPort} → ${targets.map((t) => `${t.host}:${t.port}`).join(', ')}`,
  ),
);
const close = () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on('SIGTERM', close);
process.on('SIGINT', close);
