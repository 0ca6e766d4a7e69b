/**
 * /console/: the web console (issue 13), a static single-page app built by scripts/build-console.ts
 * into console/dist, served by the API process so that it calls /v1 from the same origin (no CORS,
 * the key never leaves the page's origin). Hash routing (`#/orders/…`): the server only ever serves
 * index.html and the built assets.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/** Where the build writes: <repo>/console/dist, from api/ (ts-node) or lib/api/ (compiled). */
export function consoleDistDir(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'console', 'dist');
}

/**
 * Stricter than the API's default helmet policy: only the console's own script and stylesheet, calls
 * to its own origin, no inline code, no framing; and no `upgrade-insecure-requests`, which would
 * send a local http console's requests to https.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Console not built</title></head>
<body><h1>The console is not built</h1>
<p>Run <code>npm run build:console</code> (or <code>npm start</code>, which builds it) and reload.</p>
</body></html>
`;

export function consoleRouter(distDir = consoleDistDir()): Router {
  const router = Router();
  router.use((req, res, next) => {
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    // The page holds an API key in sessionStorage: never cached by shared caches, never a referrer.
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Referrer-Policy', 'no-referrer');
    // `/console` → `/console/`, so the page's relative asset URLs resolve under /console/.
    if (req.originalUrl === '/console' || req.originalUrl.startsWith('/console?'))
      return res.redirect(301, '/console/');
    next();
  });
  router.use((req, res, next) => {
    if (fs.existsSync(path.join(distDir, 'index.html'))) return next();
    res.status(503).type('html').send(NOT_BUILT);
  });
  router.use(express.static(distDir, { index: 'index.html', fallthrough: true, etag: true }));
  return router;
}
