/** The generated LOA (issue #14 item 2): its content per template, and the PDF parsed back. */
import { loaContent, loaTemplateFor, type LoaFacts } from '../../../domain/loa';
import { renderLoaPdf } from '../../../api/loa-pdf';
import { pdfText } from '../../support/pdf-text';

const facts: LoaFacts = {
  orderId: 'pio_test123',
  authorizedPerson: { firstName: 'Ada', lastName: 'Lovelace' },
  serviceAddress: {
    line1: '350 Fifth Avenue',
    city: 'New York',
    region: 'NY',
    postalCode: '10118',
    country: 'US',
  },
  losingCarrier: 'Simulated Telco',
  accountNumber: '987654321',
  btn: '+12125550100',
  phoneNumbers: ['+12125550147', '+12125550148'],
  date: '2026-12-06',
};

test('a local order gets the standard template; an order of toll-free numbers the toll-free one', () => {
  expect(loaTemplateFor(['+12125550147'])).toBe('standard');
  expect(loaTemplateFor(['+18005550147', '+18885550100'])).toBe('toll_free');
  expect(loaTemplateFor([])).toBe('standard');
});

test('the standard LOA PDF carries every field of the order, the numbers in a table, and signature lines', async () => {
  const bytes = await renderLoaPdf(loaContent(facts));
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const { lines, pdf } = await pdfText(bytes);
  const text = lines.join('\n');
  expect(pdf.getTitle()).toBe('Letter of Authorization (LOA)');
  expect(pdf.getKeywords()).toContain('loa-template:standard');
  for (const expected of [
    'Letter of Authorization (LOA)',
    'pio_test123',
    'Ada Lovelace',
    '350 Fifth Avenue, New York, NY 10118, US',
    'Simulated Telco',
    '987654321',
    '+12125550100',
    'Telephone numbers (2 numbers)',
    'Signature of the authorized person',
  ])
    expect(text).toContain(expected);
  expect(lines).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^1 +\+12125550147$/),
      expect.stringMatching(/^2 +\+12125550148$/),
    ]),
  );
  expect(text).not.toContain('RespOrg');
});

test('toll-free numbers: the toll-free template, naming the RespOrg change and the subscriber', async () => {
  const { lines, pdf } = await pdfText(
    await renderLoaPdf(
      loaContent({
        ...facts,
        phoneNumbers: ['+18005550147'],
        authorizedPerson: { businessName: 'Acme Inc' },
      }),
    ),
  );
  const text = lines.join('\n');
  expect(pdf.getTitle()).toBe('Toll-Free Letter of Authorization (RespOrg change)');
  expect(pdf.getKeywords()).toContain('loa-template:toll_free');
  for (const expected of [
    'Responsible Organization (RespOrg)',
    'Acme Inc',
    'Toll-free numbers (1 number)',
    '+18005550147',
    'Signature of the toll-free subscriber',
  ])
    expect(text).toContain(expected);
});

test('names the font cannot write lose their accents, never fail; many numbers flow onto more pages', async () => {
  const many = Array.from({ length: 120 }, (_, i) => `+1212555${String(1000 + i)}`);
  const { lines, pages } = await pdfText(
    await renderLoaPdf(
      loaContent({
        ...facts,
        authorizedPerson: { firstName: 'Łukasz', lastName: 'Żółć 李' },
        phoneNumbers: many,
      }),
    ),
  );
  expect(lines.join('\n')).toContain('Lukasz Zólc ?');
  expect(pages).toBeGreaterThan(1);
  expect(lines.filter((l) => /^\d+ +\+1212555\d{4}$/.test(l))).toHaveLength(120);
});

test('an e-signed LOA carries the signature block and the audit trail', async () => {
  const { lines, pdf } = await pdfText(
    await renderLoaPdf(loaContent(facts), {
      name: 'Ada Lovelace',
      signedAt: '2026-12-06T10:00:00.000Z',
      ip: '203.0.113.9',
      userAgent: 'Mozilla/5.0 (test)',
      documentSha256: 'ab'.repeat(32),
    }),
  );
  const text = lines.join('\n');
  expect(pdf.getKeywords()).toContain('e-signed');
  for (const expected of [
    'Electronic signature',
    '/Ada Lovelace/',
    'Signed at: 2026-12-06T10:00:00.000Z',
    'IP address: 203.0.113.9',
    'Mozilla/5.0 (test)',
    `SHA-256 of the document signed: ${'ab'.repeat(32)}`,
  ])
    expect(text).toContain(expected);
  expect(text).not.toContain('Signature of the authorized person');
});
