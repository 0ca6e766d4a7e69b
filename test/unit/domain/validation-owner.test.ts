import { lookup, found, LANDLINE, TOLL_FREE, validateChanged } from './fixtures';

describe('authorized person', () => {
  it('accepts a business name alone', () => {
    expect(
      validateChanged((d) => (d.authorizedPerson = { businessName: 'Acme Widgets Inc' })).problems,
    ).toEqual([]);
  });

  it.each([
    [{}, 'authorizedPerson'],
    [{ firstName: '  ', lastName: '' }, 'authorizedPerson'],
    [{ firstName: 'Jane' }, 'authorizedPerson.lastName'],
    [{ lastName: 'Smith' }, 'authorizedPerson.firstName'],
  ])('reports %p at %s', (authorizedPerson, field) => {
    expect(found(validateChanged((d) => (d.authorizedPerson = authorizedPerson)))).toEqual([
      { code: 'authorized_name_missing', field },
    ]);
  });

  it('reports a missing authorizedPerson object', () => {
    expect(found(validateChanged((d) => (d.authorizedPerson = undefined as never)))).toEqual([
      { code: 'authorized_name_missing', field: 'authorizedPerson' },
    ]);
  });
});

describe('service address', () => {
  it.each(['PO Box 123', 'P.O. Box 9', 'Post Office Box 4', 'POB 77'])('refuses %p in line1', (line1) => {
    const result = validateChanged((d) => (d.serviceAddress.line1 = line1));
    expect(found(result)).toEqual([{ code: 'po_box_not_allowed', field: 'serviceAddress.line1' }]);
    expect(result.problems[0].message).toMatch(/physical street address/);
  });

  it('refuses a PO box in line2', () => {
    expect(found(validateChanged((d) => (d.serviceAddress.line2 = 'PO Box 12')))).toEqual([
      { code: 'po_box_not_allowed', field: 'serviceAddress.line2' },
    ]);
  });

  it('accepts streets that merely look like a PO box', () => {
    for (const line1 of ['12 Boxwood Ave', '400 Poplar Blvd', '1 Pobox Street']) {
      expect(validateChanged((d) => (d.serviceAddress.line1 = line1)).problems).toEqual([]);
    }
  });

  it('reports each missing part at its path, all at once', () => {
    const result = validateChanged((d) => {
      d.serviceAddress = { line1: '', city: ' ', region: '', postalCode: '', country: 'US' };
    });
    expect(found(result)).toEqual([
      { code: 'service_address_incomplete', field: 'serviceAddress.line1' },
      { code: 'service_address_incomplete', field: 'serviceAddress.city' },
      { code: 'invalid_region', field: 'serviceAddress.region' },
      { code: 'invalid_postal_code', field: 'serviceAddress.postalCode' },
    ]);
  });

  it('reports a missing serviceAddress object under its path', () => {
    const result = validateChanged((d) => (d.serviceAddress = undefined as never));
    expect(result.problems.length).toBeGreaterThan(0);
    for (const p of result.problems) expect(p.field).toMatch(/^serviceAddress\./);
  });

  it.each(['9410', '94105-12', 'K1A 0B1', 'ABCDE'])('refuses US postal code %p', (postalCode) => {
    expect(found(validateChanged((d) => (d.serviceAddress.postalCode = postalCode)))).toEqual([
      { code: 'invalid_postal_code', field: 'serviceAddress.postalCode' },
    ]);
  });

  it('accepts ZIP+4', () => {
    expect(validateChanged((d) => (d.serviceAddress.postalCode = '94105-1234')).problems).toEqual([]);
  });

  it('refuses a region of another country', () => {
    expect(found(validateChanged((d) => (d.serviceAddress.region = 'ON')))).toEqual([
      { code: 'invalid_region', field: 'serviceAddress.region' },
    ]);
  });

  it('refuses an address outside the order’s country', () => {
    expect(found(validateChanged((d) => (d.serviceAddress.country = 'CA')))).toEqual([
      { code: 'service_address_country_mismatch', field: 'serviceAddress.country' },
    ]);
  });

  it('checks a time-zone override, and accepts its absence', () => {
    expect(validateChanged((d) => (d.timeZone = 'America/Denver')).problems).toEqual([]);
    expect(found(validateChanged((d) => (d.timeZone = 'Mars/Olympus')))).toEqual([
      { code: 'invalid_time_zone', field: 'timeZone' },
    ]);
    expect(found(validateChanged((d) => (d.timeZone = 'UTC')))).toEqual([
      { code: 'invalid_time_zone', field: 'timeZone' },
    ]);
  });
});

describe('notification email', () => {
  it.each(['', 'jane', 'jane@example', undefined])('refuses %p', (email) => {
    expect(found(validateChanged((d) => (d.notificationEmail = email as never)))).toEqual([
      { code: 'invalid_notification_email', field: 'notificationEmail' },
    ]);
  });
});

describe('losing-carrier account', () => {
  it('needs the account number when the carrier uses one (the default)', () => {
    expect(found(validateChanged((d) => (d.losingCarrier.accountNumber = ' ')))).toEqual([
      { code: 'account_number_missing', field: 'losingCarrier.accountNumber' },
    ]);
    expect(found(validateChanged((d) => (d.losingCarrier = { usesAccountNumber: true, pin: '1' })))).toEqual([
      { code: 'account_number_missing', field: 'losingCarrier.accountNumber' },
    ]);
  });

  it('does not need it when the carrier has none', () => {
    const result = validateChanged((d) => (d.losingCarrier = { usesAccountNumber: false, pin: '1234' }));
    expect(result.problems).toEqual([]);
  });

  it('needs the PIN when any number is wireless, naming the wireless numbers', () => {
    const result = validateChanged((d) => (d.losingCarrier.pin = undefined));
    expect(found(result)).toEqual([{ code: 'pin_required', field: 'losingCarrier.pin' }]);
    expect(result.problems[0].message).toMatch(/\+14155552672 is a wireless number/);
  });

  it('does not need a PIN when no number is wireless', () => {
    const result = validateChanged(
      (d) => {
        d.losingCarrier.pin = undefined;
        d.numbers = [{ phoneNumber: LANDLINE }, { phoneNumber: TOLL_FREE }];
        d.documents[0].phoneNumbers = [LANDLINE];
      },
      { lookups: [lookup(LANDLINE, 'landline'), lookup(TOLL_FREE, 'toll_free')] },
    );
    expect(result.problems).toEqual([]);
  });

  it.each(['12', '4155552600', '+1 415 555 2600', '+16135550123', 'n/a'])('refuses BTN %p', (btn) => {
    expect(found(validateChanged((d) => (d.losingCarrier.btn = btn)))).toEqual([
      { code: 'invalid_btn_format', field: 'losingCarrier.btn' },
    ]);
  });

  it('accepts an order without a BTN', () => {
    expect(validateChanged((d) => (d.losingCarrier.btn = undefined)).problems).toEqual([]);
    expect(validateChanged((d) => (d.losingCarrier.btn = '')).problems).toEqual([]);
  });
});
