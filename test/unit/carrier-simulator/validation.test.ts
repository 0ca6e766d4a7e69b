import { REJECTION_CODES, type RejectionCode } from '../../../domain/rejection-codes';
import { SEED_RECORDS } from '../../../carrier-simulator/seed';
import { decidePortRequest, type PortRequestDetails } from '../../../carrier-simulator/validation';
import { matchingDetails } from './helpers';

function decide(details: PortRequestDetails, phoneNumber: string) {
  const [decision] = decidePortRequest(details, [phoneNumber], SEED_RECORDS);
  return decision.outcome === 'accept' ? 'accept' : decision.reasonCode;
}

const happy = (overrides: Partial<PortRequestDetails> = {}) => ({
  ...matchingDetails('us-happy'),
  ...overrides,
});

describe('carrier decisions against the seed CSRs', () => {
  it('accepts every active number of a record when the request matches its CSR', () => {
    for (const record of SEED_RECORDS) {
      for (const line of record.numbers) {
        if (line.state !== 'active' || record.reseller || record.balanceDueCents > 0) continue;
        expect([
          record.id,
          line.phoneNumber,
          decide(matchingDetails(record.id, line.phoneNumber), line.phoneNumber),
        ]).toEqual([record.id, line.phoneNumber, 'accept']);
      }
    }
  });

  // One case (at least) per rulebook section 7 code; SCENARIOS.md lists the same ones.
  const cases: [RejectionCode, string, string, PortRequestDetails][] = [
    ['unsatisfactory_business_relationship', 'unpaid balance', '+12065550130', matchingDetails('us-unpaid')],
    [
      'data_mismatch',
      'name and address both wrong',
      '+12175550101',
      happy({
        authorizedPerson: { firstName: 'Jane', lastName: 'Doe' },
        serviceAddress: { ...happy().serviceAddress, line1: '9 Elm Street' },
      }),
    ],
    ['data_mismatch', 'a US number in a CA order', '+12175550101', happy({ country: 'CA' })],
    [
      'name_mismatch',
      'someone else named',
      '+12175550101',
      happy({ authorizedPerson: { firstName: 'Jane', lastName: 'Doe' } }),
    ],
    [
      'name_mismatch',
      'a business name on a personal account',
      '+12175550101',
      happy({ authorizedPerson: { businessName: 'Rivera Consulting' } }),
    ],
    [
      'address_mismatch',
      'wrong ZIP',
      '+12175550101',
      happy({ serviceAddress: { ...happy().serviceAddress, postalCode: '62702' } }),
    ],
    [
      'address_mismatch',
      'a PO box',
      '+12175550101',
      happy({ serviceAddress: { ...happy().serviceAddress, line1: 'P.O. Box 1200' } }),
    ],
    ['number_inactive', 'disconnected number', '+13125550111', matchingDetails('us-inactive')],
    ['number_inactive', 'disconnected AU number', '+61355501235', matchingDetails('au-inactive')],
    [
      'unauthorized_contact',
      'a person not on the business account signs',
      '+14095550170',
      {
        ...matchingDetails('us-business-contacts'),
        authorizedPerson: {
          businessName: 'Harbor Dental Group, L.L.C.',
          firstName: 'Tom',
          lastName: 'Baker',
        },
      },
    ],
    [
      'unauthorized_contact',
      'a household member not on the account',
      '+12175550101',
      happy({ authorizedPerson: { firstName: 'Alex', lastName: 'Rivera' } }),
    ],
    ['wrong_wireless_pin', 'wrong PIN', '+12175550103', happy({ pin: '0000' })],
    [
      'wrong_wireless_pin',
      'no PIN for a wireless number',
      '+16045550150',
      { ...matchingDetails('ca-wireless'), pin: undefined },
    ],
    [
      'wrong_wireless_pin',
      'a wrong PIN given for a landline is still wrong',
      '+12175550101',
      happy({ pin: '1111' }),
    ],
    [
      'incorrect_account_number',
      'wrong account number',
      '+12175550101',
      happy({ accountNumber: 'PBT-0000-0000' }),
    ],
    ['incorrect_account_number', 'no account number', '+12175550101', happy({ accountNumber: undefined })],
    [
      'invalid_btn',
      'a ported line quoted as BTN',
      '+15035550161',
      { ...matchingDetails('us-wrong-btn'), btn: '+15035550161' },
    ],
    ['invalid_btn', 'no BTN although the account has one', '+12175550101', happy({ btn: undefined })],
    ['unportable', 'no portability in the rate centre', '+17205550150', matchingDetails('us-unportable')],
    ['resold_account', 'resold account', '+16175550120', matchingDetails('us-resold')],
    [
      'pending_service_request',
      'another order open at the carrier',
      '+14045550141',
      matchingDetails('us-pending'),
    ],
    [
      'incorrect_service_account_number',
      'the master account number instead of the service account',
      '+12065550180',
      { ...matchingDetails('us-service-accounts'), accountNumber: 'EBV-900000' },
    ],
    [
      'incorrect_service_account_number',
      "a sibling location's service account",
      '+12065550180',
      { ...matchingDetails('us-service-accounts'), accountNumber: 'EBV-900002' },
    ],
  ];

  it.each(cases)('%s: %s', (code, _why, phoneNumber, details) => {
    expect(decide(details, phoneNumber)).toBe(code);
  });

  it('reaches every rejection code of the rulebook', () => {
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(REJECTION_CODES));
  });

  it('accepts the authorized contacts of an account', () => {
    expect(
      decide(happy({ authorizedPerson: { firstName: 'Casey', lastName: 'Rivera' } }), '+12175550101'),
    ).toBe('accept');
    const dental = matchingDetails('us-business-contacts');
    const priya = { firstName: 'Priya', lastName: 'Shah' };
    expect(
      decide(
        { ...dental, authorizedPerson: { businessName: 'Harbor Dental Group', ...priya } },
        '+14095550170',
      ),
    ).toBe('accept');
    expect(decide({ ...dental, authorizedPerson: priya }, '+14095550170')).toBe('accept');
  });

  it('accepts a landline without the PIN but needs it for wireless numbers', () => {
    expect(decide(happy({ pin: undefined }), '+12175550101')).toBe('accept');
    expect(decide(happy({ pin: undefined }), '+12175550103')).toBe('wrong_wireless_pin');
  });

  it('reads a nationally written BTN in the order country', () => {
    expect(decide(happy({ btn: '(217) 555-0100' }), '+12175550101')).toBe('accept');
  });

  it('reports the state of the number before any data problem', () => {
    expect(decide({ ...matchingDetails('us-unportable'), accountNumber: 'nope' }, '+17205550150')).toBe(
      'unportable',
    );
    expect(decide({ ...matchingDetails('us-resold'), accountNumber: 'nope' }, '+16175550120')).toBe(
      'resold_account',
    );
    expect(decide({ ...matchingDetails('us-unpaid'), accountNumber: 'nope' }, '+12065550130')).toBe(
      'incorrect_account_number',
    );
  });

  it('accepts toll-free numbers in a US or a CA order', () => {
    expect(decide({ ...matchingDetails('us-toll-free'), country: 'US' }, '+18005550190')).toBe('accept');
    const generic = {
      ...happy(),
      country: 'CA' as const,
      serviceAddress: { ...matchingDetails('ca-happy').serviceAddress },
    };
    expect(decide(generic, '+18885550100')).toBe('accept');
  });

  describe('numbers without a CSR (generic carrier)', () => {
    const generic = (overrides: Partial<PortRequestDetails> = {}): PortRequestDetails => ({
      country: 'US',
      authorizedPerson: { firstName: 'Pat', lastName: 'Doe' },
      serviceAddress: {
        line1: '1 Any Street',
        city: 'Anytown',
        region: 'NY',
        postalCode: '10001',
        country: 'US',
      },
      ...overrides,
    });

    it('accepts a complete request whatever the account number, PIN or BTN', () => {
      expect(decide(generic(), '+12025550199')).toBe('accept');
      expect(decide(generic({ accountNumber: 'x', pin: '9', btn: '+12025550100' }), '+12025550199')).toBe(
        'accept',
      );
      expect(decide(generic({ authorizedPerson: { businessName: 'Doe & Sons' } }), '+12025550199')).toBe(
        'accept',
      );
    });

    it('rejects an incomplete request with the field that is missing', () => {
      expect(decide(generic({ authorizedPerson: { firstName: 'Pat' } }), '+12025550199')).toBe(
        'name_mismatch',
      );
      const noZip = { ...generic().serviceAddress, postalCode: '1000' };
      expect(decide(generic({ serviceAddress: noZip }), '+12025550199')).toBe('address_mismatch');
      const poBox = { ...generic().serviceAddress, line1: 'POB 77' };
      expect(decide(generic({ serviceAddress: poBox }), '+12025550199')).toBe('address_mismatch');
      expect(decide(generic({ authorizedPerson: {}, serviceAddress: poBox }), '+12025550199')).toBe(
        'data_mismatch',
      );
    });

    it('rejects a number of another country or an invalid number as data_mismatch', () => {
      expect(decide(generic(), '+61255509999')).toBe('data_mismatch');
      expect(decide(generic(), '+19995550100')).toBe('data_mismatch');
    });
  });
});
