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

describe('number format', () => {
  it.each(['4155552673', '+1 415 555 2673', '(415) 555-2673', '+1415555267', 'hello', ''])(
    'reports %p at its path',
    (phoneNumber) => {
      const result = validateChanged((d) => (d.numbers[3] = { phoneNumber }));
      expect(found(result)).toContainEqual({ code: 'invalid_phone_number', field: 'numbers[3].phoneNumber' });
    },
  );

  it('suggests the E.164 spelling when the number parses', () => {
    const result = validateChanged((d) => (d.numbers[3] = { phoneNumber: '(415) 555-2673' }));
    expect(result.problems.find((p) => p.code === 'invalid_phone_number')?.message).toMatch(/\+14155552673/);
  });

  it('reports a number entry that is not an object', () => {
    const result = validateChanged((d) => (d.numbers[3] = null as never));
    expect(found(result)).toContainEqual({ code: 'invalid_phone_number', field: 'numbers[3].phoneNumber' });
  });
});

describe('duplicates', () => {
  it('reports the later copies, at their own path', () => {
    const result = validateChanged((d) => {
      d.numbers.push({ phoneNumber: LANDLINE }, { phoneNumber: LANDLINE });
    });
    expect(found(result)).toEqual([
      { code: 'duplicate_number', field: 'numbers[4].phoneNumber' },
      { code: 'duplicate_number', field: 'numbers[5].phoneNumber' },
    ]);
    expect(result.problems[0].message).toMatch(/numbers\[0\]/);
  });

  it('sees two spellings of one number as a duplicate', () => {
    const result = validateChanged((d) => d.numbers.push({ phoneNumber: '(415) 555-2671' }));
    expect(found(result)).toContainEqual({ code: 'duplicate_number', field: 'numbers[4].phoneNumber' });
  });
});

describe('country of each number', () => {
  it('refuses a number of another country', () => {
    const result = validateChanged(
      (d) => {
        d.numbers[3] = { phoneNumber: '+16135550123' };
        d.documents[0].phoneNumbers = [LANDLINE, WIRELESS, '+16135550123'];
      },
      {
        lookups: [
          lookup(LANDLINE, 'landline'),
          lookup(WIRELESS, 'wireless'),
          lookup(TOLL_FREE, 'toll_free'),
          lookup('+16135550123', 'landline'),
        ],
      },
    );
    expect(found(result)).toEqual([{ code: 'number_country_mismatch', field: 'numbers[3].phoneNumber' }]);
  });

  it('accepts a NANP toll-free number in a Canadian order', () => {
    const result = validateChanged(
      (d) => {
        d.country = 'CA';
        d.serviceAddress = {
          line1: '80 Wellington Street',
          city: 'Ottawa',
          region: 'ON',
          postalCode: 'K1A 0A2',
          country: 'CA',
        };
        d.numbers = [{ phoneNumber: TOLL_FREE }];
        d.documents.splice(0, 1); // the local numbers' LOA
        d.losingCarrier.btn = undefined;
        d.requestedPortDate = '2025-06-17';
      },
      { lookups: [lookup(TOLL_FREE, 'toll_free')] },
    );
    expect(result.problems).toEqual([]);
  });
});

describe('availability', () => {
  it('refuses a number already active on our platform', () => {
    const result = validateChanged(() => {}, { activeNumbers: [LANDLINE_2] });
    expect(found(result)).toEqual([{ code: 'number_already_active', field: 'numbers[3].phoneNumber' }]);
  });

  it('refuses a number held by another open order', () => {
    const result = validateChanged(() => {}, { numbersInOtherOpenOrders: [WIRELESS] });
    expect(found(result)).toEqual([{ code: 'number_in_open_order', field: 'numbers[1].phoneNumber' }]);
  });

  it('matches the context lists in any spelling', () => {
    const result = validateChanged(() => {}, { activeNumbers: ['+1 (415) 555-2673'] });
    expect(found(result)).toEqual([{ code: 'number_already_active', field: 'numbers[3].phoneNumber' }]);
  });

  it('refuses a number the carrier says is unportable, with the remedy', () => {
    const context = validContext();
    context.lookups[0] = { ...context.lookups[0], portableAtCarrier: false };
    const result = validateChanged(() => {}, { lookups: context.lookups });
    expect(found(result)).toEqual([{ code: 'number_not_portable', field: 'numbers[0].phoneNumber' }]);
    expect(result.problems[0].message).toMatch(/rent a new number/);
  });

  it('warns (without blocking) when a number has no carrier look-up', () => {
    const context = validContext();
    const result = validateChanged(() => {}, { lookups: context.lookups.slice(0, 3) });
    expect(result.problems).toEqual([]);
    expect(result.warnings.map(({ code, field }) => ({ code, field }))).toEqual([
      { code: 'number_lookup_missing', field: 'numbers[3].phoneNumber' },
    ]);
  });
});
