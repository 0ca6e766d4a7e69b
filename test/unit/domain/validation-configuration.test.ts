import { validateSubmission } from '../../../domain';
import { found, lookupsFor, validateChanged, validCanadianDraft, validContext } from './fixtures';

describe('requested port date', () => {
  it('is optional', () => {
    expect(validateChanged((d) => (d.requestedPortDate = undefined)).problems).toEqual([]);
  });

  it.each(['16/06/2025', '2025-06-31', '2025-6-16', 'next Monday', 20250616])(
    'must be an ISO date, not %p',
    (date) => {
      expect(found(validateChanged((d) => (d.requestedPortDate = date as never)))).toEqual([
        { code: 'invalid_port_date', field: 'requestedPortDate' },
      ]);
    },
  );

  it.each([
    ['2025-06-14', 'a Saturday', /weekend/],
    ['2025-06-15', 'a Sunday', /weekend/],
    ['2025-06-19', 'Juneteenth', /public holiday in US/],
    ['2025-07-04', 'Independence Day', /public holiday/],
    ['2025-11-27', 'Thanksgiving', /public holiday/],
  ])('must be a business day: not %s (%s)', (date, _what, message) => {
    const result = validateChanged((d) => (d.requestedPortDate = date));
    expect(found(result)).toEqual([{ code: 'port_date_not_business_day', field: 'requestedPortDate' }]);
    expect(result.problems[0].message).toMatch(message);
  });

  it('uses the holidays of the order’s country', () => {
    const canada = (requestedPortDate: string) =>
      validateSubmission(
        { ...validCanadianDraft(), requestedPortDate },
        validContext({ lookups: lookupsFor(['+16135550123']) }),
      );
    expect(found(canada('2025-07-01'))).toEqual([
      { code: 'port_date_not_business_day', field: 'requestedPortDate' },
    ]);
    expect(found(canada('2026-05-18'))).toEqual([
      { code: 'port_date_not_business_day', field: 'requestedPortDate' },
    ]); // Victoria Day
    expect(canada('2025-06-19').problems).toEqual([]); // Juneteenth is a US holiday only
  });

  it.each(['2025-06-02', '2025-05-30', '2024-06-17'])('must be after today (%s is not)', (date) => {
    const result = validateChanged((d) => (d.requestedPortDate = date));
    expect(found(result)).toContainEqual({ code: 'port_date_not_in_future', field: 'requestedPortDate' });
  });

  it('accepts tomorrow when it is a business day', () => {
    expect(validateChanged((d) => (d.requestedPortDate = '2025-06-03')).problems).toEqual([]);
  });

  it('reports a past weekend date for both reasons', () => {
    expect(found(validateChanged((d) => (d.requestedPortDate = '2025-05-31')))).toEqual([
      { code: 'port_date_not_business_day', field: 'requestedPortDate' },
      { code: 'port_date_not_in_future', field: 'requestedPortDate' },
    ]);
  });
});

describe('capabilities', () => {
  it('accepts voice and voice+sms', () => {
    expect(validateChanged((d) => (d.configuration.capabilities = 'voice')).problems).toEqual([]);
    expect(validateChanged((d) => (d.configuration.capabilities = 'voice+sms')).problems).toEqual([]);
  });

  it('refuses sms alone, pointing to hosted messaging', () => {
    const result = validateChanged((d) => (d.configuration.capabilities = 'sms'));
    expect(found(result)).toEqual([{ code: 'sms_only_not_portable', field: 'configuration.capabilities' }]);
    expect(result.problems[0].message).toMatch(/hosted messaging/);
  });

  it.each(['fax', 'VOICE', undefined])('refuses %p', (capabilities) => {
    expect(found(validateChanged((d) => (d.configuration.capabilities = capabilities as never)))).toEqual([
      { code: 'invalid_capabilities', field: 'configuration.capabilities' },
    ]);
  });

  it('refuses a missing configuration', () => {
    expect(found(validateChanged((d) => (d.configuration = undefined as never)))).toEqual([
      { code: 'invalid_capabilities', field: 'configuration.capabilities' },
    ]);
  });
});

describe('CNAM', () => {
  it('is optional', () => {
    expect(validateChanged((d) => (d.configuration.cnam = undefined)).problems).toEqual([]);
    expect(validateChanged((d) => (d.configuration.cnam = '')).problems).toEqual([]);
  });

  it.each([
    ['Sixteen chars!!!', /longer than 15/],
    ['Café', /"é"/],
    ['a@b', /"@"/],
    ['   &&  ', /letters or digits/],
  ])('refuses %p', (cnam, message) => {
    const result = validateChanged((d) => (d.configuration.cnam = cnam));
    expect(found(result)).toEqual([{ code: 'invalid_cnam', field: 'configuration.cnam' }]);
    expect(result.problems[0].message).toMatch(message);
  });

  it('refuses a CNAM that is not a string', () => {
    expect(found(validateChanged((d) => (d.configuration.cnam = 42 as never)))).toEqual([
      { code: 'invalid_cnam', field: 'configuration.cnam' },
    ]);
  });
});

describe('application', () => {
  it('is optional, and may be a PHLO flow', () => {
    expect(validateChanged((d) => (d.configuration.application = undefined)).problems).toEqual([]);
    expect(
      validateChanged((d) => (d.configuration.application = { type: 'phlo', id: 'flow_9' })).problems,
    ).toEqual([]);
  });

  it('needs a known type and an id, each reported at its path', () => {
    const result = validateChanged(
      (d) => (d.configuration.application = { type: 'webhook' as never, id: ' ' }),
    );
    expect(found(result)).toEqual([
      { code: 'invalid_application', field: 'configuration.application.type' },
      { code: 'invalid_application', field: 'configuration.application.id' },
    ]);
  });

  it('refuses an application that is not an object', () => {
    expect(found(validateChanged((d) => (d.configuration.application = 'app_1' as never)))).toEqual([
      { code: 'invalid_application', field: 'configuration.application' },
    ]);
  });
});

describe('context', () => {
  it('reports a missing or invalid today as a server problem, not a customer one', () => {
    expect(found(validateChanged(() => {}, { today: 'tomorrow' }))).toEqual([
      { code: 'invalid_submission_context', field: 'today' },
    ]);
  });
});
