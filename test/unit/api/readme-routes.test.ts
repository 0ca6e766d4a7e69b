/**
 * The README's route table (section "API") and the OpenAPI document list the same operations: a
 * route added to one without the other fails here. A first cell may name several operations
 * (`` `PUT`, `DELETE /v1/webhook-endpoint` ``: a method alone shares the path that follows it), and
 * a path may start with `…`, the previous path of the row up to where they part
 * (`` `GET /v1/port-in-orders/{id}/documents`, `GET …/documents/{documentId}` ``).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openApiDocument } from '../../../api/openapi';

/** Served, listed in the README, and deliberately not API operations of the document. */
const NOT_IN_THE_DOCUMENT = new Set(['GET /metrics', 'GET /docs', 'GET /openapi.json']);

/** `/documents/{documentId}` after `/v1/port-in-orders/{id}/documents`: the previous path's start. */
function unabbreviated(rest: string, previous: string): string {
  const at = previous.lastIndexOf(`/${rest.split('/')[1]}`);
  return (at >= 0 ? previous.slice(0, at) : previous) + rest;
}

function readmeOperations(): string[] {
  const readme = readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
  const table = readme.split('\n| Method and path |')[1];
  if (!table) throw new Error('README: no table headed "Method and path"');
  const rows = table.split('\n').slice(2);
  const operations: string[] = [];
  for (const row of rows) {
    if (!row.startsWith('|')) break;
    const cell = row.split('|')[1];
    let pending: string[] = [];
    let previous = '';
    for (const [, item] of cell.matchAll(/`([^`]+)`/g)) {
      const [method, written] = item.trim().split(/\s+/);
      pending.push(method);
      const route = written?.startsWith('…') ? unabbreviated(written.slice(1), previous) : written;
      if (route) {
        previous = route;
        operations.push(...pending.map((m) => `${m} ${route}`));
        pending = [];
      }
    }
    if (pending.length) throw new Error(`README: "${cell.trim()}" names a method without a path`);
  }
  return operations;
}

function documentOperations(): string[] {
  const { paths } = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(paths).flatMap(([route, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`),
  );
}

test('the README table is read (a guard against checking nothing)', () => {
  expect(readmeOperations()).toEqual(expect.arrayContaining(['POST /v1/port-in-orders', 'GET /healthz']));
});

test('every OpenAPI operation is in the README route table', () => {
  const listed = new Set(readmeOperations());
  expect(documentOperations().filter((op) => !listed.has(op))).toEqual([]);
});

test('every operation of the README route table is in the OpenAPI document', () => {
  const documented = new Set(documentOperations());
  expect(readmeOperations().filter((op) => !documented.has(op) && !NOT_IN_THE_DOCUMENT.has(op))).toEqual([]);
});
