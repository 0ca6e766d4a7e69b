/**
 * One long-running workflow per port-in order (rulebook sections 4–8): review with a 24 h SLA,
 * carrier submission and follow-ups, FOC midnight activation in the order's zone, end-of-business
 * checks, capability tests with backoff, cancellations and port-date changes with fees, rejections
 * and resubmissions. All waiting is one loop over durable deadlines, so an FOC move simply moves
 * the next wake-up. Customer notices and ops alerts leave through an outbox drained by a separate
 * coroutine, so a slow or failing mail provider never holds up a deadline.
 *
 * Changing this file changes what replays: read workflows/VERSIONING.md first.
 */
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { CarrierNumberAnswer, CustomerNotice, PortInActivities } from '../activities/types';
import {
  activationInstant,
  addBusinessDays,
  businessDaysLater,
  endOfBusinessInstant,
  isBusinessDay,
  isValidIsoDate,
  localDate,
} from '../domain/calendar';
import { quoteChange } from '../domain/fees';
import { REJECTION_REASONS, isRejectionCode, type RejectionCode } from '../domain/rejection-codes';
import { isPortedNumberStatus, isTerminalNumberStatus, type NumberStatus } from '../domain/statuses';
import {
  REFUSALS,
  cancelUpdate,
  changePortDateUpdate,
  changeQuoteQuery,
  focChangedSignal,
  numberAcceptedSignal,
  numberCanceledSignal,
  numberPortedSignal,
  numberRejectedSignal,
  resubmitUpdate,
  reviewUpdate,
  statusQuery,
  type Actor,
  type CarrierEvent,
  type NumberState,
  type OrderState,
  type PortInOrderInput,
  type OrderSnapshot,
} from './messages';
import {
  changeStateOf,
  describe,
  heldAfterRefusal,
  initialState,
  isSettled,
  needsAttention,
  nextFocDate,
  orderStatus,
  snapshot,
} from './order-state';
import { PATCHES } from './patches';
import { AccountId, FocDate, LosingCarrier, NeedsAttention, PortInStatus } from './search-attributes';

const carrier = proxyActivities<PortInActivities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    nonRetryableErrorTypes: ['CarrierRequestRefused'],
  },
});
const store = proxyActivities<PortInActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const notify = proxyActivities<PortInActivities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '10 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 minutes',
    maximumAttempts: 20,
  },
});

const refuse = (type: string, message: string): never => {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
};
const isoAt = (ms: number) => new Date(ms).toISOString();
/**
 * How far the carrier's clock may lag ours: an answer stamped up to this long before the submission
 * it answers still counts. Events of an earlier attempt precede its rejection and the customer's
 * resubmission by far more.
 */
const CARRIER_CLOCK_SKEW_MS = 10_000;
/** The carrier said no (HTTP 4xx): the activity failed for good with this type, see activities/index.ts. */
const carrierRefusal = (err: unknown): ApplicationFailure | undefined =>
  err instanceof ActivityFailure &&
  err.cause instanceof ApplicationFailure &&
  err.cause.type === 'CarrierRequestRefused'
    ? err.cause
    : undefined;

export async function portInOrderWorkflow(input: PortInOrderInput): Promise<OrderSnapshot> {
  const { orderId, policy, timeZone, country } = input;
  const state: OrderState = input.carriedState ?? initialState(input, Date.now());
  let dirty = true; // something changed since the loop last looked
  let persistedSeq = -1;
  /** Carrier submissions in flight: other carrier calls for the order wait for them (see cancel). */
  let submissionsInFlight = 0;
  const key = (step: string, ...parts: (string | number)[]) => [orderId, step, ...parts].join(':');

  // ---- state transitions (synchronous: handlers and the loop share them) ----

  const find = (phoneNumber: string) => state.numbers.find((n) => n.phoneNumber === phoneNumber);
  const transition = (type: string, numbers: NumberState[], status?: NumberStatus, detail?: string) => {
    if (status) for (const n of numbers) n.status = status;
    state.seq += 1;
    state.transitions.push({
      seq: state.seq,
      at: Date.now(),
      type,
      phoneNumbers: numbers.map((n) => n.phoneNumber),
      ...(detail ? { detail } : {}),
    });
    dirty = true;
  };

  // ---- outbox: notices and alerts, sent in order by their own coroutine ----

  // Sending never blocks the deadline loop: an email outage must not delay an FOC-midnight
  // activation, and a notice that still fails after its retries must not fail the whole order.
  const outbox: { what: string; send: () => Promise<void> }[] = [];
  const later = (what: string, send: () => Promise<void>) => {
    outbox.push({ what, send });
  };
  const notice = (n: CustomerNotice, ...keyParts: (string | number)[]) =>
    later(`notice ${n.kind}`, () =>
      notify.notifyCustomer({ orderId, notice: n, idempotencyKey: key('notify', n.kind, ...keyParts) }),
    );
  const alert = (reason: string, details: string) => {
    state.opsAlerts += 1;
    const idempotencyKey = key('alert', state.opsAlerts);
    later(`alert ${reason}`, () => notify.alertOps({ orderId, reason, details, idempotencyKey }));
  };
  const drainOutbox = async (): Promise<never> => {
    for (;;) {
      await condition(() => outbox.length > 0);
      const { what, send } = outbox[0];
      try {
        await send();
      } catch (err) {
        if (!(err instanceof ActivityFailure)) throw err;
        // Retries exhausted: ops hear that the customer missed a notice (a failed alert is only
        // logged, not re-alerted), and the rest of the outbox goes on.
        log.warn('gave up sending', { orderId, what, error: err.cause?.message ?? err.message });
        if (what.startsWith('notice')) alert('notification_failed', `${what} could not be delivered`);
      }
      outbox.shift();
    }
  };
  // Runs for the life of this run. An error other than a failed activity is a bug: it surfaces as
  // an unhandled rejection, which fails the workflow task (retried, visible) rather than the order.
  void drainOutbox();
  const outboxEmpty = () => outbox.length === 0;

  // ---- carrier answers (events and query results share these) ----

  const setFoc = (numbers: NumberState[], focDate: string) => {
    const activationAt = activationInstant(focDate, timeZone);
    for (const n of numbers) {
      n.focDate = focDate;
      n.activationAt = activationAt;
      n.endOfBusinessCheckAt = endOfBusinessInstant(focDate, timeZone);
      n.portOverdue = false;
    }
    return activationAt;
  };
  const focNotice = (
    numbers: NumberState[],
    focDate: string,
    kind: 'foc_assigned' | 'foc_moved',
    eventKey: string,
    previousFocDate?: string,
  ) =>
    notice(
      {
        kind,
        phoneNumbers: numbers.map((n) => n.phoneNumber),
        focDate,
        activationAt: isoAt(activationInstant(focDate, timeZone)),
        ...(previousFocDate ? { previousFocDate } : {}),
      },
      eventKey,
    );

  const reject = (numbers: NumberState[], code: RejectionCode, eventKey: string, source = '') => {
    const now = Date.now();
    const resubmitBy = REJECTION_REASONS[code].resubmittable ? now + policy.resubmissionWindowMs : undefined;
    for (const n of numbers) {
      n.rejection = { code, at: now, ...(resubmitBy !== undefined ? { resubmitBy } : {}) };
      n.awaitingSubmission = false;
    }
    transition('number.rejected', numbers, 'rejected', `${code}${source}`);
    notice(
      {
        kind: 'number_rejected',
        phoneNumbers: numbers.map((n) => n.phoneNumber),
        reasonCode: code,
        ...(resubmitBy ? { resubmitBy: isoAt(resubmitBy) } : {}),
      },
      eventKey,
    );
  };

  /** Which numbers each kind of carrier answer may change (anything else is stale and ignored). */
  const answerable = {
    accepted: (n: NumberState) => n.status === 'submitted_to_carrier',
    focChanged: (n: NumberState) => n.status === 'accepted' && !n.activated,
    rejected: (n: NumberState) =>
      n.status === 'submitted_to_carrier' || (n.status === 'accepted' && !n.activated),
    canceled: (n: NumberState) => !isTerminalNumberStatus(n.status) && !n.ported,
    ported: (n: NumberState) => n.status === 'accepted' && !n.ported,
  };
  const carrierAccepted = (numbers: NumberState[], focDate: string, eventKey: string, source = '') => {
    transition('number.accepted', numbers, 'accepted', `FOC ${focDate}${source}`);
    setFoc(numbers, focDate);
    focNotice(numbers, focDate, 'foc_assigned', eventKey);
  };
  const carrierCanceled = (numbers: NumberState[], eventKey: string) => {
    for (const n of numbers) {
      n.cancellation = { by: 'carrier', feeCents: 0, at: Date.now() };
      n.awaitingSubmission = false; // a number canceled mid-submission must not wait for one
    }
    transition('number.canceled', numbers, 'canceled', 'canceled by the carrier');
    notice(
      {
        kind: 'canceled',
        phoneNumbers: numbers.map((n) => n.phoneNumber),
        canceledBy: 'carrier',
        fees: [],
        totalCents: 0,
      },
      eventKey,
    );
  };
  const carrierPorted = (numbers: NumberState[], detail: string) => {
    for (const n of numbers) {
      n.ported = true;
      n.nextCapabilityTestAt = Date.now();
    }
    transition('number.ported', numbers, undefined, detail);
  };

  /**
   * The carrier refused a submission outright (HTTP 4xx) rather than answering it later. A refusal
   * coded with a rejection reason is a rejection the customer can fix and resubmit (rulebook 5.4, 7);
   * any other code is nothing the customer can act on: the numbers are held in review, flagged,
   * and ops alerted, until support resubmits or someone cancels (nothing is at the carrier: free).
   */
  const submissionRefused = (numbers: NumberState[], attempt: number, refusal: ApplicationFailure) => {
    const detail = refusal.details?.[0] as { code?: unknown } | undefined;
    const code = typeof detail?.code === 'string' ? detail.code : 'unknown';
    if (isRejectionCode(code)) {
      reject(numbers, code, `submit-refused-${attempt}`, ` (the carrier refused attempt ${attempt})`);
      return;
    }
    const at = Date.now();
    for (const n of numbers) {
      n.submissionRefusal = { code, message: refusal.message, attempt, at };
      n.submittedAt = undefined;
      n.carrierFollowUpAt = undefined;
    }
    transition(
      'number.submission_refused',
      numbers,
      'in_review',
      `attempt ${attempt}: ${code}: ${refusal.message}`,
    );
    alert(
      'carrier_refused_submission',
      `the carrier refused attempt ${attempt} for ${numbers.map((n) => n.phoneNumber).join(', ')} (${code}: ${refusal.message}); correct the order and resubmit, or cancel`,
    );
  };

  // Carrier events: de-duplicated by event id; events for numbers not in a matching state are recorded and ignored.
  const fresh = (eventId: string) => {
    if (state.processedEventIds.includes(eventId)) return false;
    state.processedEventIds.push(eventId);
    return true;
  };
  /**
   * The order's numbers an event names, less those it cannot be about. Carrier events carry no
   * submission attempt: one that occurred before a number's current submission answers an earlier
   * attempt (a rejection delivered late, after the customer resubmitted) and must not touch this one.
   */
  const eventTargets = (event: CarrierEvent, type: string): NumberState[] => {
    const listed = (Array.isArray(event.phoneNumbers) ? event.phoneNumbers : [])
      .map((p) => find(String(p)))
      .filter((n): n is NumberState => n !== undefined);
    const occurredAt = Date.parse(String(event.occurredAt));
    const stale = Number.isFinite(occurredAt)
      ? listed.filter(
          (n) => n.submittedAt !== undefined && occurredAt < n.submittedAt - CARRIER_CLOCK_SKEW_MS,
        )
      : [];
    if (stale.length === 0 || !patched(PATCHES.ignoreStaleCarrierEvents)) return listed;
    const [first] = stale;
    transition(
      'carrier.event_ignored',
      stale,
      undefined,
      `${type} event ${event.eventId} occurred ${isoAt(occurredAt)}, before attempt ${first.attempt} was submitted (${isoAt(first.submittedAt!)}): an answer to an earlier attempt`,
    );
    return listed.filter((n) => !stale.includes(n));
  };

  /**
   * The carrier moved the FOC of numbers already activated: routing is in place and stays (no
   * re-activation), but the port now completes on the new date, so the end-of-business check moves
   * with it, ops look at it, and the customer hears of the new date (rulebook 5.5, 8).
   */
  const focMovedAfterActivation = (numbers: NumberState[], focDate: string, eventId: string) => {
    const previousFocDate = numbers[0].focDate;
    for (const n of numbers) {
      n.focDate = focDate;
      n.endOfBusinessCheckAt = endOfBusinessInstant(focDate, timeZone);
      n.portOverdue = false;
    }
    transition(
      'number.foc_moved_after_activation',
      numbers,
      undefined,
      `FOC ${focDate} (was ${previousFocDate ?? 'unset'}); already activated, not re-activated`,
    );
    alert(
      'foc_moved_after_activation',
      `the carrier moved the FOC of ${numbers.map((n) => n.phoneNumber).join(', ')} to ${focDate} after activation on ${previousFocDate ?? 'an earlier date'}: routing stays in place; check the port with the carrier`,
    );
    focNotice(numbers, focDate, 'foc_moved', eventId, previousFocDate);
  };

  setHandler(numberAcceptedSignal, (event) => {
    const { eventId, focDate } = event;
    if (!fresh(eventId) || !isValidIsoDate(focDate)) return;
    const numbers = eventTargets(event, 'number.accepted').filter(answerable.accepted);
    if (numbers.length) carrierAccepted(numbers, focDate, eventId);
  });
  setHandler(focChangedSignal, (event) => {
    const { eventId, focDate } = event;
    if (!fresh(eventId) || !isValidIsoDate(focDate)) return;
    const listed = eventTargets(event, 'number.foc_changed');
    const numbers = listed.filter(answerable.focChanged);
    if (numbers.length) {
      transition('number.foc_changed', numbers, undefined, `FOC ${focDate}`);
      const previousFocDate = numbers[0].focDate;
      setFoc(numbers, focDate);
      focNotice(numbers, focDate, 'foc_moved', eventId, previousFocDate);
    }
    const activated = listed.filter(
      (n) => n.status === 'accepted' && n.activated && !n.ported && n.focDate !== focDate,
    );
    if (activated.length && patched(PATCHES.focMovedAfterActivation))
      focMovedAfterActivation(activated, focDate, eventId);
  });
  setHandler(numberRejectedSignal, (event) => {
    const { eventId, reasonCode } = event;
    if (!fresh(eventId) || !isRejectionCode(reasonCode)) return;
    const numbers = eventTargets(event, 'number.rejected').filter(answerable.rejected);
    if (numbers.length) reject(numbers, reasonCode, eventId);
  });
  setHandler(numberCanceledSignal, (event) => {
    if (!fresh(event.eventId)) return;
    const numbers = eventTargets(event, 'number.canceled').filter(answerable.canceled);
    if (numbers.length) carrierCanceled(numbers, event.eventId);
  });
  setHandler(numberPortedSignal, (event) => {
    if (!fresh(event.eventId)) return;
    const numbers = eventTargets(event, 'number.ported').filter(answerable.ported);
    if (numbers.length) carrierPorted(numbers, 'carrier confirmed the port');
  });

  // Answers learned by querying the carrier count like events (the carrier may simply have been slow to call back).
  const applyCarrierAnswers = (answers: CarrierNumberAnswer[], eventKey: string) => {
    const matching = (state: CarrierNumberAnswer['state'], eligible: (n: NumberState) => boolean) =>
      answers
        .filter((a) => a.state === state)
        .map((a) => ({ a, n: find(a.phoneNumber) }))
        .filter((x): x is { a: CarrierNumberAnswer; n: NumberState } => x.n !== undefined && eligible(x.n));
    for (const { a, n } of matching('accepted', answerable.accepted)) {
      if (isValidIsoDate(a.focDate))
        carrierAccepted([n], a.focDate, `${eventKey}-${n.phoneNumber}`, ' (from carrier query)');
    }
    for (const { a, n } of matching('rejected', answerable.rejected)) {
      if (isRejectionCode(a.reasonCode)) reject([n], a.reasonCode, `${eventKey}-${n.phoneNumber}`);
    }
    const canceled = matching('canceled', answerable.canceled).map((x) => x.n);
    if (canceled.length) carrierCanceled(canceled, eventKey);
    const ported = matching('ported', answerable.ported).map((x) => x.n);
    if (ported.length) carrierPorted(ported, 'carrier query shows the port done');
  };

  // ---- updates ----

  const targets = (
    phoneNumbers: string[] | undefined,
    eligible: (n: NumberState) => boolean,
  ): NumberState[] => {
    if (!phoneNumbers || phoneNumbers.length === 0) return state.numbers.filter(eligible);
    const unknown = phoneNumbers.filter((p) => !find(p));
    if (unknown.length) refuse(REFUSALS.unknownNumber, `not in this order: ${unknown.join(', ')}`);
    return phoneNumbers.map((p) => find(p)!);
  };
  const requireStaff = (actor: Actor) => {
    if (actor?.role !== 'support') refuse(REFUSALS.roleNotAllowed, 'only support staff may do this');
  };
  /**
   * The numbers a cancellation or port-date change applies to, with its quote (or a typed refusal).
   * `giveUpRejectedAt`: a cancellation's instant, at which rejected numbers still awaiting a
   * resubmission may be given up too (a port-date change never applies to them).
   */
  const changeTargets = (actor: Actor, phoneNumbers: string[] | undefined, giveUpRejectedAt?: number) => {
    const changeState = (n: NumberState) => changeStateOf(n, giveUpRejectedAt);
    const numbers = targets(phoneNumbers, (n) => !changeState(n).closed);
    if (numbers.length === 0)
      refuse(
        REFUSALS.numberClosed,
        'no number of this order can still be changed: activated, ported or finished numbers are no longer a port',
      );
    if (actor?.role === 'ops') refuse(REFUSALS.roleNotAllowed, 'ops may read orders but not change them');
    const quote = quoteChange(
      numbers.map((n) => ({ phoneNumber: n.phoneNumber, ...changeState(n) })),
      actor.role,
      Date.now(),
      policy.feeSchedule,
    );
    const refused = quote.numbers.filter((q) => q.refusal);
    const listed = refused.map((q) => q.phoneNumber).join(', ');
    if (refused.some((q) => q.refusal === 'number_closed'))
      refuse(
        REFUSALS.numberClosed,
        `already activated, ported, rejected or finished (a port-out is a different process; a rejected number can be resubmitted or canceled): ${listed}`,
      );
    if (refused.some((q) => q.refusal === 'customer_inside_72h'))
      refuse(
        REFUSALS.customerInside72h,
        `the port is less than 72 hours away for ${listed}: only support can make this change now (fees apply); please contact support`,
      );
    if (refused.length) refuse(REFUSALS.roleNotAllowed, 'this role may not make this change');
    return { numbers, quote };
  };
  const feeResult = (quote: ReturnType<typeof changeTargets>['quote']) => ({
    currency: quote.currency,
    numbers: quote.numbers.map((q) => ({ phoneNumber: q.phoneNumber, feeCents: q.feeCents })),
    totalCents: quote.totalCents,
  });

  /** The loop has sent these numbers' submission on its way (or they were canceled meanwhile). */
  const submissionIssued = (numbers: NumberState[]) =>
    numbers.every((n) => !n.awaitingSubmission || n.status !== 'in_review');

  setHandler(
    reviewUpdate,
    async (decision) => {
      const numbers = state.numbers.filter((n) => n.status === 'in_review');
      if (decision.decision === 'approve') {
        state.review = 'approved';
        for (const n of numbers) n.awaitingSubmission = true;
        transition('review.approved', numbers, undefined, decision.note);
        notice({ kind: 'review_approved', phoneNumbers: numbers.map((n) => n.phoneNumber) });
        // Approved means on its way to the carrier: carrier answers from then on apply. Not waiting
        // for the carrier's acknowledgement nor for the emails, which may take hours to get through.
        await condition(() => submissionIssued(numbers));
      } else {
        state.review = 'rejected';
        transition('review.rejected', numbers, undefined, decision.note);
        reject(numbers, decision.reasonCode, 'review');
      }
      return { review: state.review };
    },
    {
      validator: (decision) => {
        requireStaff(decision.actor);
        if (state.review !== 'pending' && state.review !== 'escalated')
          refuse(REFUSALS.wrongState, `the review was already decided (${state.review})`);
        if (decision.decision === 'reject' && !isRejectionCode(decision.reasonCode))
          refuse(REFUSALS.invalidReason, `unknown rejection reason: ${String(decision.reasonCode)}`);
      },
    },
  );

  setHandler(
    cancelUpdate,
    async (request) => {
      const now = Date.now();
      // Before this patch an unnamed cancellation left rejected numbers waiting out their window.
      const giveUpRejectedAt = patched(PATCHES.cancelRejectedNumbers) ? now : undefined;
      const { numbers, quote } = changeTargets(request.actor, request.phoneNumbers, giveUpRejectedAt);
      // A rejection was the carrier's last word on its attempt: nothing of it is left to cancel there.
      const atCarrier = numbers
        .filter((n) => n.submittedAt !== undefined && n.status !== 'rejected')
        .map((n) => n.phoneNumber);
      for (const q of quote.numbers) {
        const n = find(q.phoneNumber)!;
        n.cancellation = { by: request.actor.role, feeCents: q.feeCents, at: now };
        n.awaitingSubmission = false;
        if (q.feeCents > 0)
          state.charges.push({
            phoneNumber: q.phoneNumber,
            feeCents: q.feeCents,
            reason: 'cancellation',
            at: now,
          });
      }
      transition('number.canceled', numbers, 'canceled', `canceled by ${request.actor.role}`);
      // This cancellation's own step number: concurrent cancellations must not share notice keys.
      const step = state.seq;
      const cancelKey = key('cancel', step);
      if (atCarrier.length) {
        // A submission still in flight would land after our cancel and revive the port at the carrier.
        await condition(() => submissionsInFlight === 0);
        await carrier.cancelAtCarrier({ orderId, phoneNumbers: atCarrier, idempotencyKey: cancelKey });
      }
      const charges = quote.numbers
        .filter((q) => q.feeCents > 0)
        .map((q) => ({ phoneNumber: q.phoneNumber, feeCents: q.feeCents, reason: 'cancellation' as const }));
      if (charges.length) await store.chargeFees({ orderId, charges, idempotencyKey: cancelKey });
      const result = feeResult(quote);
      notice(
        {
          kind: 'canceled',
          phoneNumbers: numbers.map((n) => n.phoneNumber),
          canceledBy: request.actor.role === 'customer' ? 'customer' : 'support',
          fees: result.numbers,
          totalCents: result.totalCents,
        },
        step,
      );
      return result;
    },
    { validator: (request) => void changeTargets(request.actor, request.phoneNumbers, Date.now()) },
  );

  const validatePortDate = (portDate: string, numbers: NumberState[]) => {
    if (!isValidIsoDate(portDate)) refuse(REFUSALS.invalidPortDate, `not a date (YYYY-MM-DD): ${portDate}`);
    if (!isBusinessDay(portDate, country))
      refuse(
        REFUSALS.invalidPortDate,
        `${portDate} is not a business day in ${country} (weekend or public holiday)`,
      );
    if (portDate <= localDate(Date.now(), timeZone))
      refuse(REFUSALS.invalidPortDate, `${portDate} is not in the future`);
    const foc = numbers
      .map((n) => n.focDate)
      .filter((d): d is string => !!d)
      .sort()
      .pop();
    if (foc && portDate < foc)
      refuse(REFUSALS.invalidPortDate, `${portDate} is before the FOC date ${foc} the carrier granted`);
  };

  setHandler(
    changePortDateUpdate,
    async (request) => {
      const { numbers, quote } = changeTargets(request.actor, request.phoneNumbers);
      const stepKey = key('port-date', state.seq + 1);
      transition('number.port_date_change_requested', numbers, undefined, request.portDate);
      const atCarrier = numbers.filter((n) => n.submittedAt !== undefined);
      let focDate = request.portDate;
      if (atCarrier.length) {
        await condition(() => submissionsInFlight === 0);
        try {
          ({ focDate } = await carrier.changeDateAtCarrier({
            orderId,
            phoneNumbers: atCarrier.map((n) => n.phoneNumber),
            portDate: request.portDate,
            idempotencyKey: stepKey,
          }));
        } catch (err) {
          // Nothing changed and nothing is charged: the caller learns why, with a stable code.
          const refusal = carrierRefusal(err);
          if (!refusal) throw err;
          transition('number.port_date_change_refused', numbers, undefined, refusal.message);
          return refuse(REFUSALS.carrierRefused, `the carrier refused the new port date: ${refusal.message}`);
        }
      }
      // Only now is the change real: record the date, move the activation, then charge.
      state.requestedPortDate = request.portDate; // honoured by any later (re)submission
      const accepted = atCarrier.filter((n) => n.status === 'accepted' && !n.activated);
      const previousFocDate = accepted[0]?.focDate;
      if (accepted.length) setFoc(accepted, focDate);
      const now = Date.now();
      const charges = quote.numbers
        .filter((q) => q.feeCents > 0)
        .map((q) => ({
          phoneNumber: q.phoneNumber,
          feeCents: q.feeCents,
          reason: 'port_date_change' as const,
        }));
      for (const c of charges) state.charges.push({ ...c, at: now });
      transition('number.port_date_changed', numbers, undefined, focDate);
      if (charges.length) await store.chargeFees({ orderId, charges, idempotencyKey: stepKey });
      const result = feeResult(quote);
      notice(
        {
          kind: 'port_date_changed',
          phoneNumbers: numbers.map((n) => n.phoneNumber),
          focDate,
          activationAt: isoAt(activationInstant(focDate, timeZone)),
          totalCents: result.totalCents,
          ...(previousFocDate ? { previousFocDate } : {}),
        },
        stepKey,
      );
      return { ...result, focDate };
    },
    {
      validator: (request) => {
        const { numbers } = changeTargets(request.actor, request.phoneNumbers);
        validatePortDate(request.portDate, numbers);
      },
    },
  );

  const resubmittable = (n: NumberState) =>
    (n.status === 'rejected' &&
      n.rejection?.resubmitBy !== undefined &&
      Date.now() < n.rejection.resubmitBy) ||
    heldAfterRefusal(n);
  setHandler(
    resubmitUpdate,
    async (request) => {
      const numbers = targets(request.phoneNumbers, resubmittable);
      for (const n of numbers) {
        n.awaitingSubmission = true;
        n.rejection = undefined;
        n.submissionRefusal = undefined;
      }
      const corrected = Array.isArray(request.correctedFields) ? request.correctedFields.join(', ') : '';
      transition('number.resubmitted', numbers, 'in_review', `corrected: ${corrected || 'nothing named'}`);
      if (state.review === 'rejected') state.review = 'approved';
      await condition(() => submissionIssued(numbers));
      return {
        phoneNumbers: numbers.map((n) => n.phoneNumber),
        attempt: Math.max(...numbers.map((n) => n.attempt)),
      };
    },
    {
      validator: (request) => {
        if (request.actor?.role === 'ops')
          refuse(REFUSALS.roleNotAllowed, 'ops may read orders but not change them');
        const numbers = targets(request.phoneNumbers, resubmittable);
        if (numbers.length === 0 || !numbers.every(resubmittable)) {
          refuse(
            REFUSALS.notResubmittable,
            'only rejected numbers inside their resubmission window, or numbers held after a carrier refusal, can be resubmitted (unportable numbers never)',
          );
        }
      },
    },
  );

  setHandler(statusQuery, () => snapshot(input, state, Date.now()));
  setHandler(changeQuoteQuery, ({ role, phoneNumbers, asOf }) => {
    // Workflow time stands still between tasks; the caller's clock is the better "now" for a quote.
    const now = typeof asOf === 'number' && Number.isFinite(asOf) ? Math.max(Date.now(), asOf) : Date.now();
    // Quoted as a cancellation, which may also give up rejected numbers awaiting resubmission.
    const numbers = phoneNumbers?.length
      ? state.numbers.filter((n) => phoneNumbers.includes(n.phoneNumber))
      : state.numbers.filter((n) => !changeStateOf(n, now).closed);
    return quoteChange(
      numbers.map((n) => ({ phoneNumber: n.phoneNumber, ...changeStateOf(n, now) })),
      role,
      now,
      policy.feeSchedule,
    );
  });

  // ---- the loop: do what is due, publish, then sleep until the next deadline or message ----

  let lastAttributes = '';
  const identity = `Port-in ${orderId}: ${input.phoneNumbers.length} number(s) from ${input.losingCarrier}, account ${input.accountId}`;
  const publish = async () => {
    const status = orderStatus(state);
    const foc = nextFocDate(state);
    const attention = needsAttention(state, input);
    const attrs = JSON.stringify([status, foc, attention]);
    if (attrs !== lastAttributes) {
      lastAttributes = attrs;
      upsertSearchAttributes([
        { key: PortInStatus, value: status },
        { key: AccountId, value: input.accountId },
        { key: LosingCarrier, value: input.losingCarrier },
        { key: NeedsAttention, value: attention },
        { key: FocDate, value: foc ? new Date(activationInstant(foc, timeZone)) : null },
      ]);
    }
    // The start's static summary does not survive continue-as-new: every run names the order here too.
    setCurrentDetails(`${identity}\n\n${describe(state, Date.now())}`);
    if (state.seq !== persistedSeq) {
      const seq = state.seq;
      await store.persistSnapshot({ snapshot: snapshot(input, state, Date.now()) });
      persistedSeq = seq;
    }
  };

  if (!input.carriedState) {
    // No status here: numbers start in_review, and a review update buffered with the first task may
    // already have decided (rejected) them; resetting would undo that decision.
    transition('order.submitted', state.numbers);
    notice({ kind: 'submission_received', phoneNumbers: input.phoneNumbers });
    await publish();
    const checks = await store.runAutomaticChecks({ orderId });
    if (policy.autoApproveCleanOrders && checks.clean && state.review === 'pending') {
      const numbers = state.numbers.filter((n) => n.status === 'in_review');
      state.review = 'approved';
      for (const n of numbers) n.awaitingSubmission = true;
      transition('review.auto_approved', numbers, undefined, 'automatic checks clean');
      notice({ kind: 'review_approved', phoneNumbers: numbers.map((n) => n.phoneNumber) });
    } else if (!checks.clean) {
      transition('review.checks_flagged', [], undefined, checks.problems.join('; '));
    }
  }

  const dueActions = async (now: number) => {
    // Review SLA: escalate once, keep waiting for the decision.
    if (state.review === 'pending' && now >= state.reviewDeadline) {
      state.review = 'escalated';
      transition(
        'review.sla_breached',
        state.numbers.filter((n) => n.status === 'in_review'),
        undefined,
        `no decision within ${policy.reviewSlaMs / 3_600_000} h`,
      );
      alert(
        'review_sla_breached',
        `order ${orderId} has waited more than ${policy.reviewSlaMs / 3_600_000} h for review`,
      );
    }

    // Submission (first time and resubmissions), one activity for all the numbers concerned. The
    // numbers count as submitted from the moment the request leaves: the carrier may answer before
    // the activity reports back (a retried call, a fast carrier), and that answer must apply.
    const toSubmit = state.numbers.filter((n) => n.awaitingSubmission && n.status === 'in_review');
    if (toSubmit.length) {
      const attempt = Math.max(...toSubmit.map((n) => n.attempt)) + 1;
      const submittedAt = Date.now();
      for (const n of toSubmit) {
        n.attempt = attempt;
        n.submittedAt = submittedAt;
        n.carrierFollowUps = 0;
        n.carrierFollowUpAt = businessDaysLater(
          submittedAt,
          policy.carrierFollowUpBusinessDays,
          country,
          timeZone,
        );
      }
      transition('number.submitted_to_carrier', toSubmit, 'submitted_to_carrier', `attempt ${attempt}`);
      submissionsInFlight += 1;
      let refusal: ApplicationFailure | undefined;
      try {
        await carrier.submitToCarrier({
          orderId,
          attempt,
          phoneNumbers: toSubmit.map((n) => n.phoneNumber),
          requestedPortDate: state.requestedPortDate,
        });
      } catch (err) {
        refusal = carrierRefusal(err);
        // Before this patch a refusal failed the whole order: those histories end right here.
        if (!refusal || !patched(PATCHES.submissionRefusalKeepsOrder)) throw err;
      } finally {
        submissionsInFlight -= 1;
      }
      for (const n of toSubmit) n.awaitingSubmission = false;
      // Numbers canceled meanwhile stay canceled; the others learn the refusal.
      const refused = toSubmit.filter((n) => n.status === 'submitted_to_carrier' && n.attempt === attempt);
      if (refusal && refused.length) submissionRefused(refused, attempt, refusal);
    }

    // Carrier silence: follow up (query + ops alert) every N business days.
    const silent = state.numbers.filter(
      (n) =>
        n.status === 'submitted_to_carrier' &&
        n.carrierFollowUpAt !== undefined &&
        now >= n.carrierFollowUpAt,
    );
    if (silent.length) {
      for (const n of silent) {
        n.carrierFollowUps += 1;
        n.carrierFollowUpAt = businessDaysLater(now, policy.carrierFollowUpBusinessDays, country, timeZone);
      }
      transition(
        'carrier.follow_up',
        silent,
        undefined,
        `no answer in ${policy.carrierFollowUpBusinessDays} business days`,
      );
      alert('carrier_silent', `no carrier answer for ${silent.map((n) => n.phoneNumber).join(', ')}`);
      const eventKey = `query-${state.seq}`;
      applyCarrierAnswers(await carrier.queryCarrier({ orderId }), eventKey);
    }

    // FOC midnight: activate every number whose activation instant has come (grouped in one call).
    const toActivate = state.numbers.filter(
      (n) =>
        n.status === 'accepted' &&
        !n.activated &&
        ((n.activationAt !== undefined && now >= n.activationAt) || n.ported),
    );
    if (toActivate.length) {
      await store.activateNumbers({
        orderId,
        phoneNumbers: toActivate.map((n) => n.phoneNumber),
        idempotencyKey: key('activate', state.seq),
      });
      for (const n of toActivate) n.activated = true;
      transition('number.activated', toActivate, undefined, 'added to the account, routing ready');
    }

    // Canceled by the carrier after activation: out of the account's inventory again, so the number
    // routes nowhere on our side and is free for a later order.
    const toDeactivate = state.numbers.filter((n) => n.status === 'canceled' && n.activated);
    if (toDeactivate.length && patched(PATCHES.deactivateCanceledNumbers)) {
      await store.deactivateNumbers({
        orderId,
        phoneNumbers: toDeactivate.map((n) => n.phoneNumber),
        idempotencyKey: key('deactivate', state.seq),
      });
      for (const n of toDeactivate) n.activated = false;
      transition(
        'number.deactivated',
        toDeactivate,
        undefined,
        'removed from the account: the port was canceled',
      );
    }

    // End of business on the FOC date without the carrier's confirmation: query, alert, keep waiting.
    const overdue = state.numbers.filter(
      (n) =>
        n.status === 'accepted' &&
        n.activated &&
        !n.ported &&
        n.endOfBusinessCheckAt !== undefined &&
        now >= n.endOfBusinessCheckAt,
    );
    if (overdue.length) {
      for (const n of overdue) {
        n.portOverdue = true;
        n.endOfBusinessCheckAt = endOfBusinessInstant(
          addBusinessDays(localDate(now, timeZone), 1, country),
          timeZone,
        );
      }
      transition('carrier.port_overdue', overdue, undefined, 'no port confirmation by end of business');
      alert(
        'port_overdue',
        `carrier has not confirmed the port of ${overdue.map((n) => n.phoneNumber).join(', ')}`,
      );
      const eventKey = `query-${state.seq}`;
      applyCarrierAnswers(await carrier.queryCarrier({ orderId }), eventKey);
    }

    // Capability tests for ported numbers, retried with backoff while a capability fails.
    const toTest = state.numbers.filter(
      (n) =>
        n.ported &&
        !isTerminalNumberStatus(n.status) &&
        n.nextCapabilityTestAt !== undefined &&
        now >= n.nextCapabilityTestAt,
    );
    if (toTest.length) {
      // A failed round changes no status (so not seq) but always counts a failure: the key of each
      // round differs, so the carrier never answers a retest with the cached result of the last one.
      const round = `${state.seq}.${toTest.reduce((sum, n) => sum + n.capabilityFailures, 0)}`;
      const results = await store.testCapabilities({
        orderId,
        phoneNumbers: toTest.map((n) => n.phoneNumber),
        idempotencyKey: key('capability-test', round),
      });
      const testedAt = Date.now();
      const passed: NumberState[] = [];
      for (const n of toTest) {
        // A requested capability works only when the test says so; a number missing from the
        // results was not tested at all, which is no proof that anything works.
        const r = results.find((x) => x.phoneNumber === n.phoneNumber);
        const voiceOk = r?.voice === true;
        const smsOk = input.capabilities === 'voice' || r?.sms === true;
        if (voiceOk && smsOk) {
          passed.push(n);
          continue;
        }
        const status: NumberStatus =
          !voiceOk && !smsOk
            ? 'ported_sms_voice_inactive'
            : !voiceOk
              ? 'ported_voice_inactive'
              : 'ported_sms_inactive';
        n.capabilityFailures += 1;
        const { initialIntervalMs, maximumIntervalMs, alertAfterFailures } = policy.capabilityRetry;
        n.nextCapabilityTestAt =
          testedAt + Math.min(maximumIntervalMs, initialIntervalMs * 2 ** (n.capabilityFailures - 1));
        if (n.status !== status) transition('number.capability_failed', [n], status, status);
        if (n.capabilityFailures === alertAfterFailures) {
          const failing = [...(!voiceOk ? ['voice' as const] : []), ...(!smsOk ? ['sms' as const] : [])];
          alert(
            'capability_failing',
            `${n.phoneNumber}: ${failing.join(' and ')} still failing after ${alertAfterFailures} tests`,
          );
          notice(
            { kind: 'capability_degraded', phoneNumbers: [n.phoneNumber], failing },
            n.phoneNumber,
            n.attempt,
          );
        }
      }
      if (passed.length) {
        await store.completeNumbers({
          orderId,
          phoneNumbers: passed.map((n) => n.phoneNumber),
          idempotencyKey: key('complete', round),
        });
        for (const n of passed) n.nextCapabilityTestAt = undefined;
        transition('number.completed', passed, 'completed', 'capabilities tested and working');
        notice({ kind: 'completed', phoneNumbers: passed.map((n) => n.phoneNumber) }, round);
      }
    }
  };

  const nextDeadline = (): number | undefined => {
    const deadlines: number[] = [];
    if (state.review === 'pending') deadlines.push(state.reviewDeadline);
    for (const n of state.numbers) {
      if (n.status === 'submitted_to_carrier' && n.carrierFollowUpAt !== undefined)
        deadlines.push(n.carrierFollowUpAt);
      if (n.status === 'accepted' && !n.activated && n.activationAt !== undefined)
        deadlines.push(n.activationAt);
      if (n.status === 'accepted' && n.activated && !n.ported && n.endOfBusinessCheckAt !== undefined)
        deadlines.push(n.endOfBusinessCheckAt);
      if (
        n.ported &&
        n.nextCapabilityTestAt !== undefined &&
        (n.status === 'accepted' || isPortedNumberStatus(n.status)) &&
        n.status !== 'completed'
      )
        deadlines.push(n.nextCapabilityTestAt);
      if (
        n.status === 'rejected' &&
        n.rejection?.resubmitBy !== undefined &&
        Date.now() < n.rejection.resubmitBy
      )
        deadlines.push(n.rejection.resubmitBy);
    }
    return deadlines.length ? Math.min(...deadlines) : undefined;
  };

  const finished = () => state.numbers.every((n) => isSettled(n, Date.now()));

  for (;;) {
    dirty = false; // anything a handler changes from here on wakes the next iteration
    await dueActions(Date.now());
    await publish();
    if (finished()) break;

    // Continue as new only at a quiet moment: an update handler still running (a resubmission
    // waits for this loop to submit) would otherwise be cut off, or wait for a loop that waits
    // for it. Not quiet now: try again on the next wake-up.
    if (workflowInfo().continueAsNewSuggested && allHandlersFinished() && outboxEmpty()) {
      log.info('continuing as new', { orderId, historyLength: workflowInfo().historyLength });
      await continueAsNew<typeof portInOrderWorkflow>({ ...input, carriedState: state });
    }

    const deadline = nextDeadline();
    const waitMs = deadline === undefined ? undefined : Math.max(1, deadline - Date.now());
    const wake = () =>
      dirty || (workflowInfo().continueAsNewSuggested && allHandlersFinished() && outboxEmpty());
    if (waitMs === undefined) await condition(wake);
    else await condition(wake, waitMs, { summary: describe(state, Date.now()).slice(0, 200) });
  }

  // Handlers still running (a cancellation charging its fees) and notices still queued finish first.
  await condition(() => allHandlersFinished() && outboxEmpty());
  await publish();
  return snapshot(input, state, Date.now());
}
