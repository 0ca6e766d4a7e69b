import {
  compareWithCsr,
  validateSubmission,
  WARNING_CODES,
  type CsrFields,
  type PortInOrderDraft,
} from '../../../domain';
import { validContext, validDraft } from './fixtures';

/** The fixture order, with a CSR carrying exactly what the order says. */
const matchingCsr = (): CsrFields => ({
  name: 'SMITH, JANE',
  serviceAddress: {
    line1: '123 Main St.',
    line2: 'Ste 400',
    city: 'san francisco',
    region: 'California',
    postalCode: '94105-1234',
  },
  accountNumber: 'acc 998877',
  btn: '(415) 555-2600',
});

function withCsr(csr: CsrFields, draft: PortInOrderDraft = validDraft()): PortInOrderDraft {
  return { ...draft, documents: [...draft.documents, { id: 'doc_csr', kind: 'csr', phoneNumbers: [], csr }] };
}

const warned = (draft: PortInOrderDraft) =>
  compareWithCsr(draft).map(({ code, field, likelyRejection }) => ({ code, field, likelyRejection }));

describe('compareWithCsr', () => {
  it('finds nothing when the CSR says the same thing, modulo case, punctuation, abbreviations and ZIP+4', () => {
    expect(compareWithCsr(withCsr(matchingCsr()))).toEqual([]);
  });

  it('finds nothing without a CSR, or with a CSR without structured fields', () => {
    expect(compareWithCsr(validDraft())).toEqual([]);
    const draft = validDraft();
    draft.documents.push({ id: 'csr', kind: 'csr', phoneNumbers: [] });
    expect(compareWithCsr(draft)).toEqual([]);
  });

  it('ignores csr fields on documents that are not CSRs', () => {
    const draft = validDraft();
    draft.documents[2] = { ...draft.documents[2], csr: { name: 'Somebody Else' } };
    expect(compareWithCsr(draft)).toEqual([]);
  });

  it('warns on a different name (name mismatch)', () => {
    expect(warned(withCsr({ ...matchingCsr(), name: 'John Smith' }))).toEqual([
      { code: 'csr_name_mismatch', field: 'authorizedPerson', likelyRejection: 'name_mismatch' },
    ]);
  });

  it('accepts the business name as the CSR name', () => {
    const draft = validDraft();
    draft.authorizedPerson = { businessName: 'Acme Widgets, Inc.' };
    expect(compareWithCsr(withCsr({ name: 'ACME WIDGETS INCORPORATED' }, draft))).toEqual([]);
  });

  it.each([
    ['line1', { line1: '125 Main Street' }],
    ['line2', { line2: 'Suite 500' }],
    ['city', { city: 'Oakland' }],
    ['region', { region: 'NV' }],
  ])('warns on a different %s (address mismatch)', (key, change) => {
    const csr = matchingCsr();
    expect(warned(withCsr({ ...csr, serviceAddress: { ...csr.serviceAddress, ...change } }))).toEqual([
      { code: 'csr_address_mismatch', field: `serviceAddress.${key}`, likelyRejection: 'address_mismatch' },
    ]);
  });

  it('warns on a different ZIP, or a different ZIP+4 when both sides have one', () => {
    const csr = matchingCsr();
    expect(
      warned(withCsr({ ...csr, serviceAddress: { ...csr.serviceAddress, postalCode: '94107' } })),
    ).toEqual([
      {
        code: 'csr_postal_code_mismatch',
        field: 'serviceAddress.postalCode',
        likelyRejection: 'address_mismatch',
      },
    ]);
    const draft = validDraft();
    draft.serviceAddress.postalCode = '94105-9999';
    expect(warned(withCsr(csr, draft))).toEqual([
      {
        code: 'csr_postal_code_mismatch',
        field: 'serviceAddress.postalCode',
        likelyRejection: 'address_mismatch',
      },
    ]);
  });

  it('compares Canadian postal codes without their space or case', () => {
    const draft = validDraft();
    draft.country = 'CA';
    draft.serviceAddress = {
      line1: '80 Wellington St',
      city: 'Ottawa',
      region: 'ON',
      postalCode: 'K1A 0A2',
      country: 'CA',
    };
    expect(
      compareWithCsr(withCsr({ serviceAddress: { postalCode: 'k1a0a2', region: 'Ontario' } }, draft)),
    ).toEqual([]);
    expect(warned(withCsr({ serviceAddress: { postalCode: 'K1A 0A3' } }, draft))[0].code).toBe(
      'csr_postal_code_mismatch',
    );
  });

  it('warns on a different account number (incorrect account number), ignoring separators', () => {
    expect(warned(withCsr({ accountNumber: 'ACC-998878' }))).toEqual([
      {
        code: 'csr_account_number_mismatch',
        field: 'losingCarrier.accountNumber',
        likelyRejection: 'incorrect_account_number',
      },
    ]);
    expect(compareWithCsr(withCsr({ accountNumber: 'ACC998877' }))).toEqual([]);
  });

  it('warns on a different BTN (invalid BTN), comparing numbers in any format', () => {
    expect(warned(withCsr({ btn: '+14155552699' }))).toEqual([
      { code: 'csr_btn_mismatch', field: 'losingCarrier.btn', likelyRejection: 'invalid_btn' },
    ]);
    expect(compareWithCsr(withCsr({ btn: '415-555-2600' }))).toEqual([]);
  });

  it('warns when the CSR has an account number or BTN the order lacks', () => {
    const draft = validDraft();
    draft.losingCarrier = { name: 'Verizon', usesAccountNumber: false };
    expect(warned(withCsr({ accountNumber: '1', btn: '+14155552600' }, draft)).map((w) => w.code)).toEqual([
      'csr_account_number_mismatch',
      'csr_btn_mismatch',
    ]);
  });

  it('reports every mismatching field at once, each once even with two CSRs', () => {
    const csr: CsrFields = {
      name: 'Bob Jones',
      serviceAddress: { line1: '1 Other Rd', city: 'Oakland', region: 'CA', postalCode: '94607' },
      accountNumber: 'X1',
      btn: '+14155550199',
    };
    const draft = withCsr(csr, withCsr(csr));
    expect(warned(draft).map((w) => `${w.code} ${w.field}`)).toEqual([
      'csr_name_mismatch authorizedPerson',
      'csr_address_mismatch serviceAddress.line1',
      'csr_address_mismatch serviceAddress.city',
      'csr_postal_code_mismatch serviceAddress.postalCode',
      'csr_account_number_mismatch losingCarrier.accountNumber',
      'csr_btn_mismatch losingCarrier.btn',
    ]);
    for (const w of compareWithCsr(draft)) expect(w.message).toMatch(/documents\[3\]/);
  });

  it('uses only the documented warning codes', () => {
    const codes = compareWithCsr(
      withCsr({ name: 'x', serviceAddress: { line1: 'x', postalCode: '1' }, accountNumber: 'x', btn: 'x' }),
    );
    for (const w of codes) expect(WARNING_CODES).toContain(w.code);
  });

  it('is included in validateSubmission, as warnings that do not block', () => {
    const result = validateSubmission(withCsr({ ...matchingCsr(), name: 'John Smith' }), validContext());
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['csr_name_mismatch']);
  });
});
