/**
 * The generated LOA (issue #14 item 2) through the API: a PDF filled in from the order, parsed back;
 * the toll-free template for toll-free numbers; the account number in full for the account's
 * customer only; another tenant's order is a 404, ops may not fetch it.
 */
import request from 'supertest';
import { api } from '../support/api-client';
import { createDraft } from '../support/order-fixtures';
import { pdfText } from '../support/pdf-text';
import { KEYS, useStack } from '../support/stack';

jest.setTimeout(120_000);

const stack = useStack({ autoAnswer: false });
const customer = () => api(stack.apiUrl, KEYS.customerKey);
const support = () => api(stack.apiUrl, KEYS.supportKey);

/** The PDF body of a response (supertest buffers unknown types as Buffer only when asked). */
const pdfOf = (path: string, key: string) =>
  request(stack.apiUrl)
    .get(path)
    .set('Authorization', `Bearer ${key}`)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

test('a local order: the standard LOA with every field; the full account number for the owner only', async () => {
  const id = await createDraft(customer(), '+12125550711', {
    authorizedPerson: { firstName: 'Ada', lastName: 'Lovelace' },
    losingCarrier: { name: 'Simulated Telco', accountNumber: '987654321', pin: '4321', btn: '+12125550700' },
  });
  // Through the spec-validating client: the status and content type are documented.
  expect((await customer().get(`/v1/port-in-orders/${id}/loa`)).status).toBe(200);

  const res = await pdfOf(`/v1/port-in-orders/${id}/loa`, KEYS.customerKey);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['cache-control']).toBe('no-store');
  const { lines, pdf } = await pdfText(res.body as Buffer);
  const text = lines.join('\n');
  expect(pdf.getTitle()).toBe('Letter of Authorization (LOA)');
  for (const expected of [
    id,
    'Ada Lovelace',
    '350 Fifth Avenue, New York, NY 10118, US',
    'Simulated Telco',
    '987654321',
    '+12125550700',
    'Telephone numbers (1 number)',
    'Signature of the authorized person',
  ])
    expect(text).toContain(expected);
  expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^1 +\+12125550711$/)]));

  // Staff get the same letter with the account number masked.
  const staff = await pdfText((await pdfOf(`/v1/port-in-orders/${id}/loa`, KEYS.supportKey)).body as Buffer);
  const staffText = staff.lines.join('\n');
  expect(staffText).toContain('Ada Lovelace');
  expect(staffText).not.toContain('987654321');
  expect(staffText).toContain('4321');
});

test('toll-free numbers get the toll-free template', async () => {
  const id = await createDraft(customer(), '+18885550712', {
    requesterIsTollFreeSubscriber: true,
    authorizedPerson: { businessName: 'Acme Toll-Free Inc' },
  });
  const { lines, pdf } = await pdfText(
    (await pdfOf(`/v1/port-in-orders/${id}/loa`, KEYS.customerKey)).body as Buffer,
  );
  const text = lines.join('\n');
  expect(pdf.getTitle()).toBe('Toll-Free Letter of Authorization (RespOrg change)');
  for (const expected of [
    'RespOrg',
    'Acme Toll-Free Inc',
    '+18885550712',
    'Signature of the toll-free subscriber',
  ])
    expect(text).toContain(expected);
});

test('another tenant, ops and an unknown order get no LOA', async () => {
  const id = await createDraft(customer(), '+12125550713');
  expect((await api(stack.apiUrl, KEYS.secondCustomerKey).get(`/v1/port-in-orders/${id}/loa`)).status).toBe(
    404,
  );
  expect((await api(stack.apiUrl, KEYS.opsKey).get(`/v1/port-in-orders/${id}/loa`)).status).toBe(403);
  expect((await support().get('/v1/port-in-orders/pio_nope/loa')).status).toBe(404);
});
