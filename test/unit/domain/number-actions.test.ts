/**
 * The actions the API offers on each number (`actions` of the order view), per role and window: read
 * off the lifecycle, the change windows and the resubmission rule, so an action is offered exactly
 * when the workflow would take it. The view reads the facts off the read model the workflow's
 * snapshot writes: a fact the snapshot leaves out (the carrier's port confirmation) is an action
 * offered too long.
 */
import { HOUR_MS, quoteChange, type ActorRole } from '../../../domain/fees';
import { changeStateOf } from '../../../domain/lifecycle';
import { configurationRefusal, numberActions, type NumberActionFacts } from '../../../domain/number-actions';
import { isResubmittable } from '../../../domain/resubmission';
import { numbersView } from '../../../api/number-view';
import type { StoredOrder } from '../../../store/draft';
import { DEFAULT_POLICY, type PortInOrderInput } from '../../../workflows/messages';
import { initialState, snapshot } from '../../../workflows/order-state';

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

describe('a number the carrier ported before our activation', () => {
  const portedFirst: NumberActionFacts = { ...focIn(100), ported: true };

  test('is closed to cancel and change_port_date for everyone, as the workflow refuses both', () => {
    for (const role of ROLES) {
      expect(actions(portedFirst, role)).not.toContain('cancel');
      expect(actions(portedFirst, role)).not.toContain('change_port_date');
      const state = { ...changeStateOf(portedFirst, NOW), submittedToCarrier: true };
      expect(quoteChange([{ phoneNumber: '+1', ...state }], role, NOW).numbers[0].refusal).toBe(
        'number_closed',
      );
    }
    // Its configuration is still applied at the activation that follows at once.
    expect(actions(portedFirst, 'customer')).toEqual(['configure']);
  });

  test('the order view says so: the snapshot the workflow persists carries the port, the view reads it', () => {
    const input: PortInOrderInput = {
      orderId: 'pio_ported_first',
      accountId: 'acct_1',
      country: 'US',
      timeZone: 'America/New_York',
      losingCarrier: 'Simulated Telco',
      phoneNumbers: ['+12125550147', '+12125550148'],
      capabilities: 'voice+sms',
      policy: DEFAULT_POLICY,
    };
    const state = initialState(input, NOW - 10 * 24 * HOUR_MS);
    for (const n of state.numbers)
      Object.assign(n, {
        status: 'accepted',
        attempt: 1,
        submittedAt: NOW - HOUR_MS,
        activationAt: NOW + 100 * HOUR_MS,
      });
    state.numbers[0].ported = true; // the carrier's number.ported arrived before FOC midnight
    // What persistSnapshot writes into the read model (a full snapshot; a delta carries the same numbers).
    const stored = JSON.parse(JSON.stringify(snapshot(input, state, NOW).numbers)) as Record<
      string,
      unknown
    >[];
    const order = { status: 'in_progress', numbers: stored } as unknown as StoredOrder;
    for (const role of ['customer', 'support'] as const) {
      const [portedNumber, waiting] = numbersView(order, { role, now: NOW, reviewSlaMs: 24 * HOUR_MS });
      expect(portedNumber).toMatchObject({
        phoneNumber: '+12125550147',
        ported: true,
        actions: ['configure'],
      });
      expect(waiting).toMatchObject({
        phoneNumber: '+12125550148',
        ported: false,
        actions: ['cancel', 'change_port_date', 'configure'],
      });
    }
  });
});
