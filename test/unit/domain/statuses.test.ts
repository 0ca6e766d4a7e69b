import fc from 'fast-check';
import {
  deriveOrderStatus,
  isPortedNumberStatus,
  isTerminalNumberStatus,
  NUMBER_STATUSES,
  ORDER_STATUSES,
  type NumberStatus,
} from '../../../domain';

describe('status vocabulary (rulebook section 4)', () => {
  it('has exactly the API strings of the rulebook', () => {
    expect([...ORDER_STATUSES].sort()).toEqual([
      'canceled',
      'completed',
      'draft',
      'in_progress',
      'in_review',
      'rejected',
    ]);
    expect([...NUMBER_STATUSES].sort()).toEqual([
      'accepted',
      'canceled',
      'completed',
      'in_review',
      'ported_sms_inactive',
      'ported_sms_voice_inactive',
      'ported_voice_inactive',
      'rejected',
      'submitted_to_carrier',
    ]);
  });

  it('treats only rejected, canceled and completed as terminal', () => {
    expect(NUMBER_STATUSES.filter(isTerminalNumberStatus).sort()).toEqual([
      'canceled',
      'completed',
      'rejected',
    ]);
  });

  it('counts completed and the ported_* states as ported in', () => {
    expect(NUMBER_STATUSES.filter(isPortedNumberStatus).sort()).toEqual([
      'completed',
      'ported_sms_inactive',
      'ported_sms_voice_inactive',
      'ported_voice_inactive',
    ]);
  });
});

describe('deriveOrderStatus', () => {
  const cases: Array<[string, NumberStatus[], string]> = [
    ['every number in review', ['in_review', 'in_review'], 'in_review'],
    ['in review, one already rejected by our review', ['in_review', 'rejected'], 'in_review'],
    ['one submitted to the carrier', ['in_review', 'submitted_to_carrier'], 'in_progress'],
    ['all submitted', ['submitted_to_carrier', 'submitted_to_carrier'], 'in_progress'],
    ['one accepted with an FOC', ['accepted', 'rejected'], 'in_progress'],
    ['ported, SMS not working yet', ['ported_sms_inactive', 'completed'], 'in_progress'],
    ['ported, voice not working yet', ['ported_voice_inactive'], 'in_progress'],
    ['ported, neither works yet', ['ported_sms_voice_inactive', 'canceled'], 'in_progress'],
    ['every number completed', ['completed', 'completed'], 'completed'],
    ['one completed + one rejected', ['completed', 'rejected'], 'completed'],
    ['one completed + one canceled', ['canceled', 'completed'], 'completed'],
    ['completed, canceled and rejected', ['rejected', 'canceled', 'completed'], 'completed'],
    ['all rejected', ['rejected', 'rejected', 'rejected'], 'rejected'],
    ['a single rejected number', ['rejected'], 'rejected'],
    ['canceled + rejected', ['canceled', 'rejected'], 'canceled'],
    ['all canceled', ['canceled', 'canceled'], 'canceled'],
  ];
  it.each(cases)('%s -> %s', (_name, statuses, expected) => {
    expect(deriveOrderStatus(statuses)).toBe(expected);
  });

  it('is draft before submission, whatever the numbers say', () => {
    expect(deriveOrderStatus(['completed'], false)).toBe('draft');
    expect(deriveOrderStatus(['in_review'], false)).toBe('draft');
  });

  it('is draft for an order without numbers', () => {
    expect(deriveOrderStatus([])).toBe('draft');
  });

  it('does not depend on the order of the numbers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...NUMBER_STATUSES), { minLength: 1, maxLength: 8 }),
        (statuses) => {
          expect(deriveOrderStatus([...statuses].reverse())).toBe(deriveOrderStatus(statuses));
        },
      ),
    );
  });

  it('matches the rulebook definitions for any mix of number statuses', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...NUMBER_STATUSES), { minLength: 1, maxLength: 8 }),
        (statuses) => {
          const status = deriveOrderStatus(statuses);
          const allTerminal = statuses.every(isTerminalNumberStatus);
          if (allTerminal && statuses.includes('completed')) expect(status).toBe('completed');
          else if (allTerminal && statuses.every((s) => s === 'rejected')) expect(status).toBe('rejected');
          else if (allTerminal) expect(status).toBe('canceled');
          else if (statuses.every((s) => s === 'in_review' || isTerminalNumberStatus(s)))
            expect(status).toBe('in_review');
          else expect(status).toBe('in_progress');
        },
      ),
    );
  });
});
