import {
  changeWindow,
  DEFAULT_FEE_SCHEDULE,
  feeCents,
  HOUR_MS,
  quoteChange,
  refusalFor,
  rolesAllowed,
  type FeeSchedule,
  type NumberChangeState,
} from '../../../domain';

/** Midnight of an FOC date, as epoch ms; `now` is placed h hours before it. */
const ACTIVATION = Date.UTC(2025, 5, 20, 4, 0);
const hoursBefore = (h: number) => ACTIVATION - Math.round(h * HOUR_MS);
const focSet: NumberChangeState = { submittedToCarrier: true, activationAt: ACTIVATION, closed: false };

describe('cancellation / port-date change windows (rulebook section 6)', () => {
  const table: Array<[h: number, window: string, fee: number, roles: string[]]> = [
    [100, 'foc_72h_or_more', 13_00, ['customer', 'support']],
    [72, 'foc_72h_or_more', 13_00, ['customer', 'support']],
    [71.9, 'foc_48h_to_72h', 13_00, ['support']],
    [48.01, 'foc_48h_to_72h', 13_00, ['support']],
    [48, 'foc_24h_to_48h', 98_00, ['support']],
    [24, 'foc_24h_to_48h', 98_00, ['support']],
    [23.99, 'foc_under_24h', 520_00, ['support']],
    [1, 'foc_under_24h', 520_00, ['support']],
    [0, 'closed', 0, []],
  ];

  it.each(table)('h = %p: window %s, fee %p cents, allowed %p', (h, window, fee, roles) => {
    const now = hoursBefore(h);
    expect(changeWindow(focSet, now)).toBe(window);
    const quote = quoteChange([{ phoneNumber: '+14155552671', ...focSet }], 'support', now);
    expect(quote.numbers[0]).toMatchObject({ window, feeCents: fee, allowedRoles: roles });
    expect(quote.numbers[0].hoursUntilPort).toBeCloseTo(h, 6);
    expect(quote.totalCents).toBe(fee);
  });

  it('lets the customer change 72 h or more ahead, and refuses naming the 72 h rule inside it', () => {
    expect(quoteChange([{ phoneNumber: '+1', ...focSet }], 'customer', hoursBefore(72))).toMatchObject({
      allowed: true,
    });
    const inside = quoteChange([{ phoneNumber: '+1', ...focSet }], 'customer', hoursBefore(71.9));
    expect(inside.allowed).toBe(false);
    expect(inside.numbers[0].refusal).toBe('customer_inside_72h');
    // The fee is still quoted: support may do it.
    expect(inside.numbers[0].feeCents).toBe(13_00);
  });

  it('lets support change inside 72 h', () => {
    for (const h of [71.9, 48, 23.99, 1]) {
      expect(quoteChange([{ phoneNumber: '+1', ...focSet }], 'support', hoursBefore(h)).allowed).toBe(true);
    }
  });

  it('closes the window once the activation instant has passed', () => {
    expect(changeWindow(focSet, hoursBefore(-5))).toBe('closed');
  });

  it('lets nobody change an activated, ported or completed number, free of charge', () => {
    const closed = { ...focSet, closed: true };
    for (const role of ['customer', 'support', 'ops'] as const) {
      const quote = quoteChange([{ phoneNumber: '+1', ...closed }], role, hoursBefore(200));
      expect(quote).toMatchObject({ allowed: false, totalCents: 0 });
      expect(quote.numbers[0]).toMatchObject({
        window: 'closed',
        refusal: 'number_closed',
        allowedRoles: [],
      });
    }
  });

  it('charges nothing before submission to the carrier, for customer or support', () => {
    const state = { submittedToCarrier: false, closed: false };
    expect(changeWindow(state, 0)).toBe('not_submitted');
    const quote = quoteChange([{ phoneNumber: '+1', ...state }], 'customer', 0);
    expect(quote).toMatchObject({ allowed: true, totalCents: 0 });
    expect(quote.numbers[0].allowedRoles).toEqual(['customer', 'support']);
    expect(quote.numbers[0].hoursUntilPort).toBeUndefined();
  });

  it('lets customer or support give up a rejected number awaiting resubmission, free of charge', () => {
    const state = { submittedToCarrier: true, closed: false, awaitingResubmission: true };
    expect(changeWindow(state, 0)).toBe('rejected');
    const quote = quoteChange([{ phoneNumber: '+1', ...state }], 'customer', 0);
    expect(quote).toMatchObject({ allowed: true, totalCents: 0 });
    expect(quote.numbers[0]).toMatchObject({ window: 'rejected', allowedRoles: ['customer', 'support'] });
    expect(refusalFor('rejected', 'ops')).toBe('role_not_allowed');
  });

  it('charges the standard fee once submitted without an FOC, to customer or support', () => {
    const state = { submittedToCarrier: true, closed: false };
    expect(changeWindow(state, 0)).toBe('submitted_no_foc');
    expect(quoteChange([{ phoneNumber: '+1', ...state }], 'customer', 0)).toMatchObject({
      allowed: true,
      totalCents: 13_00,
    });
  });

  it('sums the fee per number and refuses the whole change if any number is refused', () => {
    const quote = quoteChange(
      [
        { phoneNumber: '+1a', ...focSet },
        { phoneNumber: '+1b', submittedToCarrier: false, closed: false },
        { phoneNumber: '+1c', ...focSet, closed: true },
      ],
      'support',
      hoursBefore(30),
    );
    expect(quote.numbers.map((n) => n.feeCents)).toEqual([98_00, 0, 0]);
    expect(quote.totalCents).toBe(98_00);
    expect(quote.allowed).toBe(false);
    expect(quote.currency).toBe('USD');
  });

  it('allows nothing for an empty selection', () => {
    expect(quoteChange([], 'support', 0)).toEqual({
      currency: 'USD',
      numbers: [],
      totalCents: 0,
      allowed: false,
    });
  });

  it('never lets ops act as support', () => {
    expect(refusalFor('foc_under_24h', 'ops')).toBe('role_not_allowed');
    expect(refusalFor('not_submitted', 'ops')).toBe('role_not_allowed');
  });

  it('uses a configured schedule (carriers change their fees)', () => {
    const schedule: FeeSchedule = {
      currency: 'USD',
      standardCents: 15_00,
      within48hCents: 110_00,
      within24hCents: 600_00,
    };
    const fees = [100, 60, 30, 5].map(
      (h) => quoteChange([{ phoneNumber: '+1', ...focSet }], 'support', hoursBefore(h), schedule).totalCents,
    );
    expect(fees).toEqual([15_00, 15_00, 110_00, 600_00]);
    expect(feeCents('submitted_no_foc', schedule)).toBe(15_00);
    expect(feeCents('not_submitted', schedule)).toBe(0);
  });

  it('defaults to the rulebook fees: $13, $98, $520', () => {
    expect(DEFAULT_FEE_SCHEDULE).toEqual({
      currency: 'USD',
      standardCents: 1300,
      within48hCents: 9800,
      within24hCents: 52000,
    });
  });

  it('gives every window a role list consistent with its refusals', () => {
    const windows = [
      'not_submitted',
      'submitted_no_foc',
      'foc_72h_or_more',
      'foc_48h_to_72h',
      'foc_24h_to_48h',
      'foc_under_24h',
      'rejected',
      'closed',
    ] as const;
    for (const w of windows) {
      for (const role of ['customer', 'support'] as const) {
        expect(refusalFor(w, role) === undefined).toBe(rolesAllowed(w).includes(role));
      }
    }
  });
});
