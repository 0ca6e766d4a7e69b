import type { OrderDocument } from '../../../domain';
import {
  found,
  LANDLINE,
  LANDLINE_2,
  lookup,
  TOLL_FREE,
  validateChanged,
  validContext,
  WIRELESS,
} from './fixtures';

const bill = (issuedOn: string | undefined, phoneNumbers: string[] = []): OrderDocument => ({
  id: 'bill',
  kind: 'bill',
  phoneNumbers,
  ...(issuedOn === undefined ? {} : { issuedOn }),
});

describe('LOA per number', () => {
  it('is needed for every number', () => {
    const result = validateChanged((d) => (d.documents[0].phoneNumbers = [LANDLINE, WIRELESS]));
    expect(found(result)).toEqual([{ code: 'loa_missing', field: 'numbers[3]' }]);
    expect(result.problems[0].message).toMatch(/\+14155552673/);
  });

  it('covers every number when its list is empty', () => {
    const result = validateChanged((d) => {
      d.documents[0].phoneNumbers = [];
      d.documents.splice(1, 1); // the toll-free LOA
    });
    // the standard LOA now covers the toll-free number too, on the wrong template
    expect(found(result)).toEqual([
      { code: 'loa_missing', field: 'numbers[2]' },
      { code: 'loa_wrong_template', field: 'documents[0].loaTemplate' },
    ]);
  });

  it('must use the toll-free template for a toll-free number', () => {
    const result = validateChanged((d) => (d.documents[1].loaTemplate = 'standard'));
    expect(found(result)).toEqual([
      { code: 'loa_missing', field: 'numbers[2]' },
      { code: 'loa_wrong_template', field: 'documents[1].loaTemplate' },
    ]);
  });

  it('must not use the toll-free template for a local number', () => {
    const result = validateChanged((d) => (d.documents[0].loaTemplate = 'toll_free'));
    expect(found(result).map((p) => p.field)).toEqual([
      'numbers[0]',
      'numbers[1]',
      'numbers[3]',
      'documents[0].loaTemplate',
    ]);
  });

  it('accepts a standard LOA without an explicit template', () => {
    expect(validateChanged((d) => (d.documents[0].loaTemplate = undefined)).problems).toEqual([]);
  });

  it('needs the toll-free subscriber as the requester for toll-free numbers', () => {
    expect(found(validateChanged((d) => (d.requesterIsTollFreeSubscriber = false)))).toEqual([
      { code: 'toll_free_subscriber_required', field: 'requesterIsTollFreeSubscriber' },
    ]);
    expect(found(validateChanged((d) => (d.requesterIsTollFreeSubscriber = undefined)))).toEqual([
      { code: 'toll_free_subscriber_required', field: 'requesterIsTollFreeSubscriber' },
    ]);
  });

  it('treats a number the look-up calls toll-free as toll-free', () => {
    const context = validContext();
    context.lookups[3] = lookup(LANDLINE_2, 'toll_free');
    const result = validateChanged(() => {}, { lookups: context.lookups });
    expect(found(result)).toContainEqual({ code: 'loa_missing', field: 'numbers[3]' });
  });
});

describe('LOA signer', () => {
  it.each(['Jane Smith', 'SMITH, JANE', 'jane  smith', undefined, ''])('accepts %p', (signerName) => {
    expect(validateChanged((d) => (d.documents[0].signerName = signerName)).problems).toEqual([]);
  });

  it.each(['John Smith', 'Jane Q. Smith', 'Jane'])('refuses %p', (signerName) => {
    const result = validateChanged((d) => (d.documents[1].signerName = signerName));
    expect(found(result)).toEqual([{ code: 'loa_signer_mismatch', field: 'documents[1].signerName' }]);
  });

  it('accepts the business name as signer when the order names both', () => {
    const result = validateChanged((d) => {
      d.authorizedPerson.businessName = 'Acme Inc';
      d.documents[0].signerName = 'ACME, Inc.';
    });
    expect(result.problems).toEqual([]);
  });

  it('cannot check who signs for a business named alone', () => {
    const result = validateChanged((d) => {
      d.authorizedPerson = { businessName: 'Acme Inc' };
      d.documents[0].signerName = 'Bob Jones';
    });
    expect(result.problems).toEqual([]);
  });
});

describe('proof of ownership per number', () => {
  it('accepts a bill dated within the last 30 days, 30 days included', () => {
    expect(validateChanged((d) => (d.documents[2] = bill('2025-05-03'))).problems).toEqual([]);
    expect(validateChanged((d) => (d.documents[2] = bill('2025-06-02'))).problems).toEqual([]);
  });

  it('refuses a bill 31 days old, for every number it was meant to prove', () => {
    const result = validateChanged((d) => (d.documents[2] = bill('2025-05-02')));
    expect(found(result)).toEqual([
      { code: 'proof_of_ownership_missing', field: 'numbers[0]' },
      { code: 'proof_of_ownership_missing', field: 'numbers[1]' },
      { code: 'proof_of_ownership_missing', field: 'numbers[2]' },
      { code: 'proof_of_ownership_missing', field: 'numbers[3]' },
      { code: 'bill_too_old', field: 'documents[2].issuedOn' },
    ]);
    expect(result.problems[0].message).toMatch(/more than 30 days old/);
  });

  it('does not count a bill without a date, or with a future or impossible one', () => {
    expect(found(validateChanged((d) => (d.documents[2] = bill(undefined))))).toContainEqual({
      code: 'bill_date_missing',
      field: 'documents[2].issuedOn',
    });
    for (const issuedOn of ['2025-06-03', '2025-02-30', 'last week']) {
      expect(found(validateChanged((d) => (d.documents[2] = bill(issuedOn))))).toContainEqual({
        code: 'bill_date_invalid',
        field: 'documents[2].issuedOn',
      });
    }
  });

  it('accepts a CSR instead of a bill, and an old bill then does not matter', () => {
    const result = validateChanged((d) => {
      d.documents[2] = bill('2020-01-01');
      d.documents.push({ id: 'csr', kind: 'csr', phoneNumbers: [] });
    });
    expect(result.problems).toEqual([]);
  });

  it('needs proof for each number: a bill listing some numbers leaves the others unproven', () => {
    const result = validateChanged(
      (d) => (d.documents[2] = bill('2025-05-20', [LANDLINE, WIRELESS, TOLL_FREE])),
    );
    expect(found(result)).toEqual([{ code: 'proof_of_ownership_missing', field: 'numbers[3]' }]);
  });

  it('accepts an account screenshot for a VoIP number only', () => {
    const context = validContext();
    context.lookups[3] = lookup(LANDLINE_2, 'voip');
    const screenshotFor = (n: string): OrderDocument => ({
      id: 'shot',
      kind: 'account_screenshot',
      phoneNumbers: [n],
    });
    const voip = validateChanged(
      (d) => {
        d.documents[2] = bill('2025-05-20', [LANDLINE, WIRELESS, TOLL_FREE]);
        d.documents.push(screenshotFor(LANDLINE_2));
      },
      { lookups: context.lookups },
    );
    expect(voip.problems).toEqual([]);

    const landline = validateChanged((d) => {
      d.documents[2] = bill('2025-05-20', [LANDLINE, WIRELESS, TOLL_FREE]);
      d.documents.push(screenshotFor(LANDLINE_2));
    });
    expect(found(landline)).toEqual([{ code: 'proof_of_ownership_missing', field: 'numbers[3]' }]);
    expect(landline.problems[0].message).toMatch(/VoIP numbers only/);
  });

  it('does not accept an LOA as proof of ownership', () => {
    const result = validateChanged((d) => d.documents.splice(2, 1));
    expect(found(result).map((p) => p.code)).toEqual(Array(4).fill('proof_of_ownership_missing'));
  });
});

describe('documents themselves', () => {
  it('reports a document listing a number that is not in the order', () => {
    const result = validateChanged((d) => d.documents[0].phoneNumbers.push('+14155559999'));
    expect(found(result)).toEqual([
      { code: 'document_number_not_in_order', field: 'documents[0].phoneNumbers[3]' },
    ]);
  });

  it('matches document numbers in any spelling', () => {
    expect(
      validateChanged(
        (d) => (d.documents[0].phoneNumbers = ['(415) 555-2671', '415.555.2672', '+1 415 555 2673']),
      ).problems,
    ).toEqual([]);
  });

  it('reports unreadable documents at their path', () => {
    const result = validateChanged((d) => {
      d.documents.push(null as never, { id: 'x', kind: 'selfie' as never, phoneNumbers: [] });
      d.documents.push({ id: 'y', kind: 'bill', phoneNumbers: 'all' as never, issuedOn: '2025-05-20' });
      d.documents.push({ id: 'z', kind: 'bill', phoneNumbers: [42 as never], issuedOn: '2025-05-20' });
    });
    expect(found(result)).toEqual([
      { code: 'invalid_document', field: 'documents[3]' },
      { code: 'invalid_document', field: 'documents[4].kind' },
      { code: 'invalid_document', field: 'documents[5].phoneNumbers' },
      { code: 'invalid_document', field: 'documents[6].phoneNumbers[0]' },
    ]);
  });

  it('reports every missing document when there are none at all', () => {
    const result = validateChanged((d) => (d.documents = []));
    expect(found(result).map((p) => `${p.code} ${p.field}`)).toEqual([
      'loa_missing numbers[0]',
      'loa_missing numbers[1]',
      'loa_missing numbers[2]',
      'loa_missing numbers[3]',
      'proof_of_ownership_missing numbers[0]',
      'proof_of_ownership_missing numbers[1]',
      'proof_of_ownership_missing numbers[2]',
      'proof_of_ownership_missing numbers[3]',
    ]);
  });
});
