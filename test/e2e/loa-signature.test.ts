/**
 * LOA e-signature end to end (issue #14 item 3), over SMTP: the link from the email, the signing
 * page, the signed PDF stored as the order's LOA (signature block and audit trail), and submit
 * succeeding with no uploaded LOA. Refused: a signer who is not the authorized person (submit's own
 * rule), no consent, an altered link, a used link, an expired one; none of them stores anything.
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import { addDays, localDate } from '../../domain/calendar';
import { api } from '../support/api-client';
import { createDraft } from '../support/order-fixtures';
import { pdfText } from '../support/pdf-text';
import { waitForMail } from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';

jest.setTimeout(120_000);

const stack = useStack({ autoAnswer: false });
const customer = () => api(stack.apiUrl, KEYS.customerKey);

const binary = (test: request.Test) =>
  test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** A draft with its bill only, and a signing link emailed for it. */
async function draftWithLink(email: string, phoneNumber: string) {
  const id = await createDraft(customer(), phoneNumber, { notificationEmail: email });
  const issuedOn = addDays(localDate(Date.now(), 'America/New_York'), -1);
  expect(
    (await customer().upload(`/v1/port-in-orders/${id}/documents`, { kind: 'bill', issuedOn })).status,
  ).toBe(201);
  const asked = await customer().post(`/v1/port-in-orders/${id}/loa/signature-requests`, {});
  expect(asked.status).toBe(201);
  expect(asked.body).toMatchObject({ orderId: id, email });
  const mail = await waitForMail(stack, email, /please sign the letter of authorization/, 30_000);
  const link = /(http:\/\/\S+\/loa-signing\/[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  expect(link).toBeDefined();
  return { id, requestId: asked.body.id as string, path: new URL(link!).pathname };
}

const storedOrder = async (id: string) => stack.store.models.Order.collection.findOne({ _id: id as never });
const sign = (path: string, form: Record<string, string>) =>
  request(stack.apiUrl).post(path).set('User-Agent', 'e2e-browser/1.0').type('form').send(form);

test('sign through the emailed link: the signed LOA counts at submit; the link then is used up', async () => {
  const { id, path } = await draftWithLink('sign-flow@example.test', '+12125550811');

  // Without an LOA the order cannot be submitted yet.
  const early = await customer().post(`/v1/port-in-orders/${id}/submit`);
  expect(early.status).toBe(422);
  expect(early.body.errors.map((e: { code: string }) => e.code)).toContain('loa_missing');

  const shown = await request(stack.apiUrl).get(path);
  expect(shown.status).toBe(200);
  expect(shown.headers['content-type']).toMatch(/^text\/html/);
  expect(shown.text).toContain('Letter of Authorization');
  expect(shown.text).toContain('Ada Lovelace');
  const letter = await binary(request(stack.apiUrl).get(`${path}/loa.pdf`));
  expect(letter.status).toBe(200);
  const letterSha = createHash('sha256')
    .update(letter.body as Buffer)
    .digest('hex');
  expect((await pdfText(letter.body as Buffer)).lines.join('\n')).toContain('987654321');

  // Refusals leave the order as it was, and the link usable.
  const before = await storedOrder(id);
  const wrongName = await sign(path, { fullName: 'Grace Hopper', consent: 'yes' });
  expect(wrongName.status).toBe(422);
  expect(wrongName.text).toContain('loa_signer_mismatch');
  const noConsent = await sign(path, { fullName: 'Ada Lovelace' });
  expect(noConsent.status).toBe(422);
  const tampered = path.slice(0, -3) + (path.endsWith('A') ? 'B' : 'A') + path.slice(-2);
  expect((await sign(tampered, { fullName: 'Ada Lovelace', consent: 'yes' })).status).toBe(400);
  expect((await request(stack.apiUrl).get(`${path}x`)).status).toBe(400);
  expect(await storedOrder(id)).toEqual(before);

  const signed = await sign(path, { fullName: 'Ada Lovelace', consent: 'yes' });
  expect(signed.status).toBe(200);
  expect(signed.text).toContain('signed');

  const order = await customer().get(`/v1/port-in-orders/${id}`);
  const loa = order.body.documents.find((d: { kind: string }) => d.kind === 'loa');
  expect(loa).toMatchObject({
    kind: 'loa',
    loaTemplate: 'standard',
    signerName: 'Ada Lovelace',
    contentType: 'application/pdf',
    signature: { name: 'Ada Lovelace', userAgent: 'e2e-browser/1.0', documentSha256: letterSha },
  });
  expect(loa.signature.ip).toMatch(/127\.0\.0\.1/);
  // The signed PDF as stored: the signature block and the audit trail.
  const chunk = await stack.store.connection
    .db!.collection('document_chunks')
    .findOne({ _id: `${loa.id}:0` as never });
  const bytes = Buffer.from((chunk!.data as { buffer: Uint8Array }).buffer);
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(loa.sha256);
  const text = (await pdfText(bytes)).lines.join('\n');
  for (const expected of [
    'Electronic signature',
    '/Ada Lovelace/',
    'e2e-browser/1.0',
    letterSha,
    loa.signature.signedAt,
  ])
    expect(text).toContain(expected);

  // Used once: the same link again is gone.
  expect((await sign(path, { fullName: 'Ada Lovelace', consent: 'yes' })).status).toBe(410);
  expect((await request(stack.apiUrl).get(path)).status).toBe(410);

  // Submit succeeds with no uploaded LOA.
  expect((await customer().post(`/v1/port-in-orders/${id}/submit`)).status).toBe(202);
  // A submitted order's LOA can no longer be sent for signature.
  expect((await customer().post(`/v1/port-in-orders/${id}/loa/signature-requests`, {})).status).toBe(409);
});

test('an expired link is refused and signs nothing', async () => {
  const { id, requestId, path } = await draftWithLink('sign-expired@example.test', '+12125550812');
  await stack.store.connection
    .db!.collection('loa_signature_requests')
    .updateOne({ _id: requestId as never }, { $set: { expiresAt: new Date(Date.now() - 1_000) } });
  const before = await storedOrder(id);
  expect((await request(stack.apiUrl).get(path)).status).toBe(410);
  expect((await sign(path, { fullName: 'Ada Lovelace', consent: 'yes' })).status).toBe(410);
  expect(await storedOrder(id)).toEqual(before);
});

test('bad input, another tenant and ops: refused, no request stored', async () => {
  const id = await createDraft(customer(), '+12125550813');
  const requests = () =>
    stack.store.connection.db!.collection('loa_signature_requests').countDocuments({ orderId: id });
  const path = `/v1/port-in-orders/${id}/loa/signature-requests`;
  const bad = await customer().post(path, { email: 'not-an-email', extra: 1 });
  expect(bad.status).toBe(422);
  expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['(body)', 'email']);
  expect((await api(stack.apiUrl, KEYS.secondCustomerKey).post(path, {})).status).toBe(404);
  expect((await api(stack.apiUrl, KEYS.opsKey).post(path, {})).status).toBe(403);
  expect(await requests()).toBe(0);
});
