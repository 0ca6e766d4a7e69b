import { validateSubmission, type PortInOrderDraft, type SubmissionContext } from '../../../domain';
import { numberCountProblem, REQUEST_MAX_NUMBERS } from '../../../domain/intake/eligibility';
import {
  found,
  lookupsFor,
  validateChanged,
  validAustralianDraft,
  validCanadianDraft,
  validContext,
  validDraft,
} from './fixtures';

/** `count` distinct San Francisco numbers, all local, one carrier account, documents covering them all. */
function bulk(count: number, extra: Partial<PortInOrderDraft> = {}): PortInOrderDraft {
  const numbers = Array.from({ length: count }, (_, i) => `+1415555${String(3000 + i)}`);
  return {
    ...validDraft(),
    numbers: numbers.map((phoneNumber) => ({ phoneNumber })),
    documents: [
      { id: 'loa', kind: 'loa', phoneNumbers: [], signerName: 'Jane Smith' },
      { id: 'bill', kind: 'bill', phoneNumbers: [], issuedOn: '2025-05-30' },
    ],
    requesterIsTollFreeSubscriber: false,
    ...extra,
  };
}
const bulkContext = (count: number, overrides: Partial<SubmissionContext> = {}) =>
  validContext({
    lookups: lookupsFor(Array.from({ length: count }, (_, i) => `+1415555${String(3000 + i)}`)),
    ...overrides,
  });

describe('the fixtures', () => {
  it('are valid US, CA (customer) and AU (support) orders', () => {
    expect(validateSubmission(validDraft(), validContext())).toEqual({ problems: [], warnings: [] });
    expect(
      validateSubmission(validCanadianDraft(), validContext({ lookups: lookupsFor(['+16135550123']) }))
        .problems,
    ).toEqual([]);
    expect(
      validateSubmission(
        validAustralianDraft(),
        validContext({ actorRole: 'support', lookups: lookupsFor(['+61293744000']) }),
      ).problems,
    ).toEqual([]);
  });
});

describe('plan', () => {
  it('refuses trial accounts', () => {
    expect(found(validateChanged(() => {}, { accountPlan: 'trial' }))).toEqual([
      { code: 'plan_not_eligible', field: 'accountId' },
    ]);
  });

  it('refuses an unknown plan rather than letting it through', () => {
    expect(found(validateChanged(() => {}, { accountPlan: 'enterprise' as never }))).toEqual([
      { code: 'plan_not_eligible', field: 'accountId' },
    ]);
  });
});

describe('country', () => {
  it('sends a customer with an AU order to support, naming the route', () => {
    const result = validateSubmission(
      validAustralianDraft(),
      validContext({ lookups: lookupsFor(['+61293744000']) }),
    );
    expect(found(result)).toEqual([{ code: 'country_support_only', field: 'country' }]);
    expect(result.problems[0].message).toMatch(/support ticket/);
  });

  it('treats an unknown actor role as a customer', () => {
    const result = validateSubmission(
      validAustralianDraft(),
      validContext({ actorRole: 'admin' as never, lookups: lookupsFor(['+61293744000']) }),
    );
    expect(found(result)).toEqual([{ code: 'country_support_only', field: 'country' }]);
  });

  it.each(['GB', 'FR', 'us', '', undefined])('refuses country %p as not portable', (country) => {
    const result = validateChanged((d) => {
      d.country = country as never;
    });
    expect(found(result)).toContainEqual({ code: 'country_not_portable', field: 'country' });
  });

  it('refuses for support staff too: other countries are not portable at all', () => {
    const result = validateChanged(
      (d) => {
        d.country = 'GB' as never;
      },
      { actorRole: 'support' },
    );
    expect(found(result)).toContainEqual({ code: 'country_not_portable', field: 'country' });
  });
});

describe('how many numbers', () => {
  it.each([
    [20, 'customer', false, false],
    [21, 'customer', false, true],
    [100, 'support', false, false],
    [101, 'support', false, true],
    [101, 'support', true, false],
    [150, 'support', true, false],
  ] as const)(
    '%p numbers by %s (projectPort %p): too many = %p',
    (count, actorRole, projectPort, tooMany) => {
      const result = validateSubmission(bulk(count, { projectPort }), bulkContext(count, { actorRole }));
      expect(found(result)).toEqual(tooMany ? [{ code: 'too_many_numbers', field: 'numbers' }] : []);
    },
  );

  it('tells a customer over 20 to split the request or ask support', () => {
    const result = validateSubmission(bulk(21), bulkContext(21));
    expect(result.problems[0].message).toMatch(/at most 20/);
  });

  it('refuses an order without numbers', () => {
    expect(found(validateChanged((d) => (d.numbers = [])))).toContainEqual({
      code: 'no_numbers',
      field: 'numbers',
    });
    expect(found(validateChanged((d) => (d.numbers = undefined as never)))).toContainEqual({
      code: 'no_numbers',
      field: 'numbers',
    });
  });
});

describe('project ports', () => {
  it('are staff only', () => {
    const result = validateSubmission(bulk(5, { projectPort: true }), bulkContext(5));
    expect(found(result)).toEqual([{ code: 'project_port_staff_only', field: 'projectPort' }]);
  });

  it('need every number at the same losing carrier', () => {
    const context = bulkContext(120, { actorRole: 'support' });
    context.lookups[7] = { ...context.lookups[7], losingCarrier: 'Other Telco' };
    const result = validateSubmission(bulk(120, { projectPort: true }), context);
    expect(found(result)).toEqual([{ code: 'project_port_multiple_accounts', field: 'numbers' }]);
    expect(result.problems[0].message).toMatch(/Carrier and Other Telco/);
  });

  it('compare carrier names without case', () => {
    const context = bulkContext(120, { actorRole: 'support' });
    context.lookups[7] = { ...context.lookups[7], losingCarrier: 'CARRIER' };
    expect(validateSubmission(bulk(120, { projectPort: true }), context).problems).toEqual([]);
  });

  it('cannot include a number whose carrier is unknown', () => {
    const context = bulkContext(120, { actorRole: 'support' });
    context.lookups = context.lookups.slice(1);
    const result = validateSubmission(bulk(120, { projectPort: true }), context);
    expect(found(result)).toEqual([{ code: 'project_port_multiple_accounts', field: 'numbers' }]);
    expect(result.problems[0].message).toMatch(/\+14155553000/);
  });
});

describe('how many numbers a request may carry at create and edit', () => {
  test.each([
    ['customer', false, 20, 21],
    ['support', false, 100, 101],
    ['support', true, REQUEST_MAX_NUMBERS, REQUEST_MAX_NUMBERS + 1],
  ] as const)('%s (project port %s): %i is fine, %i is too many', (role, projectPort, fine, tooMany) => {
    expect(numberCountProblem(fine, role, projectPort)).toBeUndefined();
    expect(numberCountProblem(tooMany, role, projectPort)).toMatchObject({
      code: 'too_many_numbers',
      field: 'phoneNumbers',
    });
  });
});
