/**
 * Each number's phase (domain/lifecycle.ts) and everything the workflow reads off it: deadlines,
 * what the order waits for, NeedsAttention, which carrier answers still apply, which loop steps are
 * due, what a cancellation or port-date change may do, and when the order is over.
 */
import {
  answers,
  changeStateOf,
  deadlineOf,
  degradedStatus,
  failingCapabilities,
  isClosedOrderStatus,
  isDue,
  isFinished,
  isSettled,
  mayStillChange,
  needsAttention,
  needsAttentionFor,
  nextDeadline,
  phaseOf,
  waitingFor,
  type CarrierAnswer,
  type DueStep,
  type LifecycleNumber,
  type NumberPhase,
} from '../../../domain';

const NOW = Date.UTC(2026, 2, 10, 12, 0);
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A number fresh in review (the workflow's initial state), changed by `fields`. */
const number = (fields: Partial<LifecycleNumber> = {}): LifecycleNumber => ({
  ...{ phoneNumber: '+12025550100', status: 'in_review', awaitingSubmission: false, activated: false },
  ...{ ported: false, carrierFollowUps: 0, portOverdue: false, capabilityFailures: 0 },
  ...fields,
});

/** One number in each phase, with its deadlines set around NOW. */
const inPhase: Record<NumberPhase, LifecycleNumber> = {
  in_review: number(),
  held_after_refusal: number({ submissionRefusal: { code: 'invalid_btn' } }),
  submission_due: number({ awaitingSubmission: true }),
  at_carrier: number({
    status: 'submitted_to_carrier',
    submittedAt: NOW - HOUR,
    carrierFollowUpAt: NOW + 5 * HOUR,
  }),
  foc_scheduled: number({ status: 'accepted', submittedAt: NOW - HOUR, activationAt: NOW + 60 * HOUR }),
  ported_before_activation: number({
    status: 'accepted',
    ported: true,
    activationAt: NOW + 60 * HOUR,
    nextCapabilityTestAt: NOW,
  }),
  activated: number({
    status: 'accepted',
    activated: true,
    activationAt: NOW - HOUR,
    endOfBusinessCheckAt: NOW + 8 * HOUR,
  }),
  port_confirmed: number({ status: 'accepted', activated: true, ported: true, nextCapabilityTestAt: NOW }),
  capability_failing: number({
    status: 'ported_sms_inactive',
    activated: true,
    ported: true,
    capabilityFailures: 1,
    nextCapabilityTestAt: NOW + 5 * 60_000,
  }),
  resubmittable: number({ status: 'rejected', rejection: { resubmitBy: NOW + 24 * HOUR } }),
  deactivation_due: number({ status: 'canceled', activated: true }),
  rejected: number({ status: 'rejected', rejection: {} }),
  canceled: number({ status: 'canceled' }),
  completed: number({ status: 'completed', activated: true, ported: true }),
};
const PHASES = Object.keys(inPhase) as NumberPhase[];

describe('phaseOf', () => {
  test.each(PHASES)('%s', (phase) => {
    expect(phaseOf(inPhase[phase], NOW)).toBe(phase);
  });

  test('a rejected number is resubmittable until its window closes, then rejected for good', () => {
    const n = number({ status: 'rejected', rejection: { resubmitBy: NOW } });
    expect(phaseOf(n, NOW - 1)).toBe('resubmittable');
    expect(phaseOf(n, NOW)).toBe('rejected');
  });

  test('a submission on its way wins over a refusal still recorded', () => {
    expect(phaseOf(number({ awaitingSubmission: true, submissionRefusal: { code: 'x' } }), NOW)).toBe(
      'submission_due',
    );
  });
});

describe('deadlines', () => {
  const expected: Partial<Record<NumberPhase, number>> = {
    at_carrier: NOW + 5 * HOUR,
    foc_scheduled: NOW + 60 * HOUR,
    ported_before_activation: NOW, // the capability test, before the FOC midnight
    activated: NOW + 8 * HOUR,
    port_confirmed: NOW,
    capability_failing: NOW + 5 * 60_000,
    resubmittable: NOW + 24 * HOUR,
  };
  test.each(PHASES)('%s', (phase) => {
    expect(deadlineOf(inPhase[phase], NOW)).toBe(expected[phase]);
  });

  test('the order wakes at the earliest deadline of its numbers, or of a pending review', () => {
    const numbers = [inPhase.foc_scheduled, inPhase.at_carrier, inPhase.completed];
    expect(nextDeadline({ review: 'approved', reviewDeadline: NOW + HOUR, numbers }, NOW)).toBe(
      NOW + 5 * HOUR,
    );
    expect(nextDeadline({ review: 'pending', reviewDeadline: NOW + HOUR, numbers }, NOW)).toBe(NOW + HOUR);
    // Escalated: the SLA passed, nothing more to wake for.
    expect(
      nextDeadline({ review: 'escalated', reviewDeadline: NOW - HOUR, numbers: [inPhase.completed] }, NOW),
    ).toBe(undefined);
  });
});

describe('which loop steps are due', () => {
  const STEPS: DueStep[] = [
    'submission',
    'carrier_follow_up',
    'activation',
    'deactivation',
    'end_of_business_check',
    'capability_test',
  ];
  const dueAt = (n: LifecycleNumber, now: number) => STEPS.filter((s) => isDue(s, n, now));

  test('nothing before its deadline, the phase step at it', () => {
    expect(dueAt(inPhase.at_carrier, NOW)).toEqual([]);
    expect(dueAt(inPhase.at_carrier, NOW + 5 * HOUR)).toEqual(['carrier_follow_up']);
    expect(dueAt(inPhase.foc_scheduled, NOW + 60 * HOUR - 1)).toEqual([]);
    expect(dueAt(inPhase.foc_scheduled, NOW + 60 * HOUR)).toEqual(['activation']);
    expect(dueAt(inPhase.activated, NOW + 8 * HOUR)).toEqual(['end_of_business_check']);
    expect(dueAt(inPhase.capability_failing, NOW + 5 * 60_000)).toEqual(['capability_test']);
  });

  test('due at once: submission, deactivation, tests of a confirmed port', () => {
    expect(dueAt(inPhase.submission_due, NOW)).toEqual(['submission']);
    expect(dueAt(inPhase.deactivation_due, NOW)).toEqual(['deactivation']);
    expect(dueAt(inPhase.port_confirmed, NOW)).toEqual(['capability_test']);
  });

  test('a port confirmed before the FOC midnight is activated and tested at once', () => {
    expect(dueAt(inPhase.ported_before_activation, NOW)).toEqual(['activation', 'capability_test']);
  });

  test.each([
    'in_review',
    'held_after_refusal',
    'resubmittable',
    'rejected',
    'canceled',
    'completed',
  ] as const)('nothing is due for a number %s', (phase) => {
    expect(dueAt(inPhase[phase], NOW + 1000 * HOUR)).toEqual([]);
  });
});

describe('which carrier answers still apply', () => {
  // Per phase, the answers that may change a number in it; any other answer is stale and ignored.
  const table: [NumberPhase, CarrierAnswer[]][] = [
    ['in_review', ['canceled']],
    ['held_after_refusal', ['canceled']],
    ['submission_due', ['canceled']],
    ['at_carrier', ['accepted', 'rejected', 'canceled']],
    ['foc_scheduled', ['focChanged', 'rejected', 'canceled', 'ported']],
    ['ported_before_activation', ['focChanged', 'rejected']],
    ['activated', ['canceled', 'ported']],
    ['port_confirmed', []],
    ['capability_failing', []],
    ['resubmittable', []],
    ['deactivation_due', []],
    ['rejected', []],
    ['canceled', []],
    ['completed', []],
  ];
  const ANSWERS: CarrierAnswer[] = ['accepted', 'focChanged', 'rejected', 'canceled', 'ported'];
  test.each(table)('%s: %j', (phase, expected) => {
    expect(ANSWERS.filter((answer) => answers(answer, inPhase[phase], NOW))).toEqual(expected);
  });
});

describe('needs attention', () => {
  test('held numbers, followed-up silence, overdue ports, capabilities failing past the alert', () => {
    expect(PHASES.filter((p) => needsAttentionFor(inPhase[p], 3, NOW))).toEqual(['held_after_refusal']);
    expect(needsAttentionFor({ ...inPhase.at_carrier, carrierFollowUps: 1 }, 3, NOW)).toBe(true);
    expect(needsAttentionFor({ ...inPhase.activated, portOverdue: true }, 3, NOW)).toBe(true);
    expect(needsAttentionFor({ ...inPhase.capability_failing, capabilityFailures: 2 }, 3, NOW)).toBe(false);
    expect(needsAttentionFor({ ...inPhase.capability_failing, capabilityFailures: 3 }, 3, NOW)).toBe(true);
  });

  test('an escalated review needs attention whatever the numbers', () => {
    const numbers = [inPhase.in_review];
    expect(needsAttention({ review: 'pending', reviewDeadline: NOW, numbers }, 3, NOW)).toBe(false);
    expect(needsAttention({ review: 'escalated', reviewDeadline: NOW, numbers }, 3, NOW)).toBe(true);
  });
});

describe('what the order waits for', () => {
  test('the review first, then each number by its phase, with the instant it waits until', () => {
    const numbers = [
      { ...inPhase.at_carrier, phoneNumber: '+12025550101' },
      { ...inPhase.foc_scheduled, phoneNumber: '+12025550102' },
      { ...inPhase.held_after_refusal, phoneNumber: '+12025550103' },
      { ...inPhase.completed, phoneNumber: '+12025550104' },
      { ...inPhase.resubmittable, phoneNumber: '+12025550105' },
    ];
    expect(waitingFor({ review: 'escalated', reviewDeadline: NOW - HOUR, numbers }, NOW)).toEqual([
      { what: 'staff review decision', until: iso(NOW - HOUR) },
      { what: 'carrier answer for +12025550101', until: iso(NOW + 5 * HOUR) },
      { what: 'activation of +12025550102 at FOC midnight', until: iso(NOW + 60 * HOUR) },
      { what: 'ops: the carrier refused +12025550103 (invalid_btn); correct and resubmit, or cancel' },
      { what: 'resubmission of +12025550105', until: iso(NOW + 24 * HOUR) },
    ]);
  });

  test('a submission on its way, whatever the carrier answered meanwhile', () => {
    const n = { ...inPhase.foc_scheduled, awaitingSubmission: true };
    expect(waitingFor({ review: 'approved', reviewDeadline: 0, numbers: [n] }, NOW)).toEqual([
      { what: 'submission of +12025550100 to the carrier' },
    ]);
  });
});

describe('what a cancellation or port-date change may still do', () => {
  test('open until the carrier has activated or ported it; closed once finished', () => {
    const open = PHASES.filter((p) => !changeStateOf(inPhase[p]).closed);
    expect(open).toEqual([
      'in_review',
      'held_after_refusal',
      'submission_due',
      'at_carrier',
      'foc_scheduled',
    ]);
  });

  test('read from a stored snapshot number too (its status and whether it was activated)', () => {
    const movable = (
      ['in_review', 'submitted_to_carrier', 'accepted', 'ported_sms_inactive', 'canceled'] as const
    )
      .flatMap((status) => [false, true].map((activated) => ({ status, activated })))
      .filter((n) => mayStillChange(n));
    expect(movable).toEqual([
      { status: 'in_review', activated: false },
      { status: 'submitted_to_carrier', activated: false },
      { status: 'accepted', activated: false },
    ]);
  });

  test('the activation instant counts only for an accepted number', () => {
    expect(changeStateOf(inPhase.foc_scheduled)).toEqual({
      submittedToCarrier: true,
      activationAt: NOW + 60 * HOUR,
      closed: false,
    });
    expect(changeStateOf(inPhase.at_carrier).activationAt).toBeUndefined();
  });

  test('a cancellation may give up a number awaiting its resubmission (free), a port-date change may not', () => {
    expect(changeStateOf(inPhase.resubmittable).closed).toBe(true);
    expect(changeStateOf(inPhase.resubmittable, NOW)).toEqual({
      submittedToCarrier: false,
      activationAt: undefined,
      closed: false,
      awaitingResubmission: true,
    });
    // Past the window, it is rejected for good: nothing left to give up.
    expect(changeStateOf(inPhase.resubmittable, NOW + 24 * HOUR).closed).toBe(true);
  });
});

describe('when the order is over', () => {
  test('settled: rejected for good, canceled (even awaiting its deactivation), completed', () => {
    expect(PHASES.filter((p) => isSettled(inPhase[p], NOW))).toEqual([
      'deactivation_due',
      'rejected',
      'canceled',
      'completed',
    ]);
  });

  test('an order with a number still inside its resubmission window is not over until the window closes', () => {
    const numbers = [inPhase.completed, inPhase.resubmittable];
    expect(isFinished({ review: 'approved', reviewDeadline: 0, numbers }, NOW)).toBe(false);
    expect(isFinished({ review: 'approved', reviewDeadline: 0, numbers }, NOW + 24 * HOUR)).toBe(true);
  });
});

describe('capability results → status (rulebook 5.8)', () => {
  test.each([
    [{ voice: true, sms: true }, 'voice+sms', []],
    [{ voice: true, sms: false }, 'voice+sms', ['sms']],
    [{ voice: false, sms: true }, 'voice+sms', ['voice']],
    [{ voice: true }, 'voice', []],
    [undefined, 'voice+sms', ['voice', 'sms']], // not tested at all is no proof that anything works
  ] as const)('%j asked %s fails %j', (result, requested, failing) => {
    expect(failingCapabilities(result, requested)).toEqual(failing);
  });

  test.each([
    [['voice', 'sms'], 'ported_sms_voice_inactive'],
    [['voice'], 'ported_voice_inactive'],
    [['sms'], 'ported_sms_inactive'],
  ] as const)('failing %j is %s', (failing, status) => {
    expect(degradedStatus(failing)).toBe(status);
  });
});

test('closed order statuses', () => {
  expect(
    ['draft', 'in_review', 'in_progress', 'completed', 'rejected', 'canceled'].filter(isClosedOrderStatus),
  ).toEqual(['completed', 'rejected', 'canceled']);
});
