/**
 * The web console is served by the API process at /console/ (api/console-route.ts): the page, its
 * script and stylesheet with their content types and a CSP that allows only the console's own
 * files; a clear page when it was never built; and `GET /v1/me`, which it asks at sign-in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { consoleRouter } from '../../api/console-route';
import { buildConsole, CONSOLE_DIST } from '../../scripts/build-console';
import { DEMO_ACCOUNT_ID } from '../../store/seed';
import { api } from '../support/api-client';
import { KEYS, useStack } from '../support/stack';

beforeAll(() => {
  buildConsole(); // only when console/dist is older than its sources
}, 120_000);
const stack = useStack({ autoAnswer: false });

test('/console redirects to /console/, which serves the app with a CSP allowing only its own files', async () => {
  const bare = await request(stack.apiUrl).get('/console');
  expect(bare.status).toBe(301);
  expect(bare.headers.location).toBe('/console/');

  const page = await request(stack.apiUrl).get('/console/');
  expect(page.status).toBe(200);
  expect(page.headers['content-type']).toMatch(/^text\/html; charset=utf-8/i);
  expect(page.text).toContain('<div id="app"></div>');
  expect(page.text).toContain('<script src="app.js"></script>');
  expect(page.text).toContain('<link rel="stylesheet" href="app.css" />');
  const csp = String(page.headers['content-security-policy']);
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('upgrade-insecure-requests'); // a local http console must keep calling http
  expect(page.headers['x-content-type-options']).toBe('nosniff');
  expect(page.headers['referrer-policy']).toBe('no-referrer');
});

test('the script and the stylesheet are served as built, with their content types', async () => {
  const script = await request(stack.apiUrl)
    .get('/console/app.js')
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(script.status).toBe(200);
  expect(script.headers['content-type']).toMatch(/^(text|application)\/javascript/);
  expect((script.body as Buffer).equals(fs.readFileSync(path.join(CONSOLE_DIST, 'app.js')))).toBe(true);
  // The bundle holds the app itself: it asks who the key is, through the typed client.
  expect((script.body as Buffer).toString('utf8')).toContain('/v1/me');

  const style = await request(stack.apiUrl).get('/console/app.css');
  expect(style.status).toBe(200);
  expect(style.headers['content-type']).toMatch(/^text\/css/);

  const missing = await request(stack.apiUrl).get('/console/nothing-here.js');
  expect(missing.status).toBe(404);
  expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
});

test('an API key learns its role and account from GET /v1/me; no key is a 401', async () => {
  const me = await api(stack.apiUrl, KEYS.customerKey).get('/v1/me');
  expect(me.status).toBe(200);
  expect(me.body).toMatchObject({ role: 'customer', accountId: DEMO_ACCOUNT_ID });
  const support = await api(stack.apiUrl, KEYS.supportKey).get('/v1/me');
  expect(support.body.role).toBe('support');
  expect(support.body).not.toHaveProperty('accountId');
  expect((await request(stack.apiUrl).get('/v1/me')).status).toBe(401);
});

test('a console that was never built is a 503 page saying how to build it', async () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'console-dist-'));
  const app = express().use('/console', consoleRouter(empty));
  const res = await request(app).get('/console/');
  expect(res.status).toBe(503);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.text).toContain('npm run build:console');
});
