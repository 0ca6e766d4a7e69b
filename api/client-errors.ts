/**
 * Requests Node's HTTP parser refuses before Express ever sees them: headers (or a request line)
 * over Node's 16 kB limit, a malformed request line, a request that took too long to arrive. Node's
 * default answer is a bare status line with no body; these get a problem+json document like every
 * other refusal of the API, then the connection closes (the parser's state is unknown after an
 * error, so it can carry no further request). Needs only node:http, so the cluster's proxy uses it
 * too (scripts/cluster/api-proxy.ts).
 */
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problemTypeUri } from './problem-type';

/** The parser's error codes that have an answer of their own; any other parse error is a 400. */
const CLIENT_ERRORS: Record<string, [status: number, code: string, title: string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'headers_too_large',
    'the request line and headers are larger than this server accepts (16 kB): shorten the query string or the headers',
  ],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [
    413,
    'body_too_large',
    'the chunk extensions of the request body are too large',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'the request did not arrive in time'],
};
const MALFORMED: [number, string, string] = [400, 'malformed_request', 'the request is not valid HTTP/1.1'];

/** The raw HTTP/1.1 response for a parser error: a problem document, and the connection closed. */
export function clientErrorResponse(err: { code?: unknown }): string {
  const [status, code, title] = (typeof err.code === 'string' && CLIENT_ERRORS[err.code]) || MALFORMED;
  const body = JSON.stringify({ type: problemTypeUri(code), title, status, code });
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
    'Content-Type: application/problem+json\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Cache-Control: no-store\r\n' +
    'Connection: close\r\n\r\n' +
    body
  );
}

/** Answers the server's client errors with problem+json (see the module comment). */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // Nothing can be written to a connection the client reset, or once a response has begun.
    const started = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (err.code === 'ECONNRESET' || !socket.writable || started) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorResponse(err));
  });
}
