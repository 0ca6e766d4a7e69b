/**
 * The actions the API offers on each number (`actions` of the order view), per role and window: read
 * off the lifecycle, the change windows and the resubmission rule, so an action is offered exactly
 * when the workflow would take it.
 */
import { HOUR_MS, quoteChange, type ActorRole } from '../../../domain/fees';
import { changeStateOf } from '../../../domain/lifecycle';
import { configurationRefusal, numberActions, type NumberActionFacts } from '../../../domain/number-actions';
import { isResubmittable } from '../../../domain/resubmission';

const NOW = Date.parse('2027-03-01T12:00:00Z');
const ROLES: ActorRole[] = ['customer', 'support', 'ops'];

const inReview: NumberActionFacts = { status: 'in_review', submittedToCarrier: false };
const atCarrier: NumberActionFacts = { status: 'submitted_to_carrier', submittedToCarrier: true };
const focIn = (hours: number): NumberActionFacts => ({
  status: 'accepted',
  submittedToCarrier: true,
  activationAt: NOW + hours * HOUR_MS,
});

const actions = (n: NumberActionFacts, role: ActorRole, configurable = true) =>
  numberActions(n, role, NOW, configurable);

describe('cancel and change_port_date follow the change windows and who may act in each', () => {
  test.each([
    [
      'in review',
      inReview,
      ['cancel', 'change_port_date', 'configure'],
      ['cancel', 'change_port_date', 'configure'],
    ],
    [
      'at the carrier, no FOC',
      atCarrier,
      ['cancel', 'change_port_date', 'configure'],
      ['cancel', 'change_port_date', 'configure'],
    ],
    [
      'FOC 72 h away',
      focIn(72),
      ['cancel', 'change_port_date', 'configure'],
      ['cancel', 'change_port_date', 'configure'],
    ],
    ['FOC 71 h away', focIn(71), ['configure'], ['cancel', 'change_port_date', 'configure']],
    ['FOC 30 h away', focIn(30), ['configure'], ['cancel', 'change_port_date', 'configure']],
    ['FOC 1 h away', focIn(1), ['configure'], ['cancel', 'change_port_date', 'configure']],
    ['activation instant passed', focIn(-1), ['configure'], ['configure']],
  ])('%s: customer %j, support %j, ops nothing', (_name, n, customer, support) => {
    expect(actions(n, 'customer')).toEqual(customer);
    expect(actions(n, 'support')).toEqual(support);
    expect(actions(n, 'ops')).toEqual([]);
  });

  test('agrees with the quote the workflow refuses or accepts by, number by number', () => {
    const facts = [inReview, atCarrier, focIn(100), focIn(60), focIn(30), focIn(5), focIn(-2)];
    for (const n of facts)
      for (const role of ROLES) {
        const state = { ...changeStateOf(n, NOW), submittedToCarrier: n.submittedToCarrier };
        const quote = quoteChange([{ phoneNumber: '+1', ...state }], role, NOW);
        expect(actions(n, role).includes('cancel')).toBe(role !== 'ops' && quote.allowed);
      }
  });

  test('an activated, ported or finished number is closed to both', () => {
    for (const n of [
      { ...focIn(100), activated: true },
      { status: 'completed', submittedToCarrier: true, activated: true },
      { status: 'canceled', submittedToCarrier: true },
      { status: 'ported_sms_inactive', submittedToCarrier: true, activated: true },
    ] as NumberActionFacts[])
      for (const role of ROLES) {
        expect(actions(n, role, false)).not.toContain('cancel');
        expect(actions(n, role, false)).not.toContain('change_port_date');
      }
  });
});

describe('resubmit follows the resubmission rule', () => {
  const rejected = (resubmitBy?: number): NumberActionFacts => ({
    status: 'rejected',
    submittedToCarrier: true,
    rejection: { resubmitBy },
  });

  test('rejected inside its window: resubmit, or give it up (cancel, free), but no port-date change', () => {
    expect(actions(rejected(NOW + HOUR_MS), 'customer')).toEqual(['cancel', 'resubmit', 'configure']);
    expect(actions(rejected(NOW + HOUR_MS), 'support')).toEqual(['cancel', 'resubmit', 'configure']);
    expect(actions(rejected(NOW + HOUR_MS), 'ops')).toEqual([]);
  });

  test('past its window, or rejected for good: nothing', () => {
    expect(actions(rejected(NOW), 'customer', false)).toEqual([]);
    expect(actions(rejected(), 'support', false)).toEqual([]);
  });

  test('held after a carrier refusal: resubmit, cancel or move the date', () => {
    const held: NumberActionFacts = { ...inReview, submissionRefusal: { code: 'CARRIER_DOWN' } };
    expect(actions(held, 'support')).toEqual(['cancel', 'change_port_date', 'resubmit', 'configure']);
  });

  test('offered exactly when domain/resubmission.ts accepts it', () => {
    for (const resubmitBy of [undefined, NOW - 1, NOW, NOW + 1])
      expect(actions(rejected(resubmitBy), 'customer').includes('resubmit')).toBe(
        isResubmittable({ status: 'rejected', resubmitBy, submissionRefused: false }, NOW),
      );
  });
});

describe('configure follows the configuration rule of PUT …/configuration', () => {
  test('open on a draft and until a number of the order is activated; never once the order is closed', () => {
    expect(configurationRefusal({ status: 'draft', numbers: [] })).toBeUndefined();
    expect(configurationRefusal({ status: 'in_progress', numbers: [{ activated: false }] })).toBeUndefined();
    expect(configurationRefusal({ status: 'in_progress', numbers: [{}, { activated: true }] })).toBe(
      'number_closed',
    );
    expect(configurationRefusal({ status: 'canceled', numbers: [{ activated: false }] })).toBe(
      'order_closed',
    );
  });

  test('offered to customer and support while open, per number still to be activated', () => {
    expect(actions(focIn(100), 'customer', false)).toEqual(['cancel', 'change_port_date']);
    expect(actions({ status: 'canceled', submittedToCarrier: true }, 'support', true)).toEqual([]);
    expect(actions(focIn(100), 'ops', true)).toEqual([]);
  });
});
