/**
 * One long-running workflow per port-in order (rulebook section 5): review with a 24 h SLA,
 * carrier submission and follow-ups, FOC midnight activation in the order's zone, end-of-business
 * checks, capability tests with backoff, cancellations and port-date changes with fees, rejections
 * and resubmissions. All waiting is one loop over durable deadlines, so an FOC move simply moves
 * the next wake-up. Customer notices and ops alerts leave through an outbox drained by a separate
 * coroutine, so a slow or failing mail provider never holds up a deadline.
 *
 * Read top-down: the workflow (its handlers, the loop), the carrier's events, the steps the loop
 * takes when they are due. Where each number stands, and so what is due, is its phase
 * (domain/lifecycle.ts); what each step does to the state is in transitions.ts; what people ask of
 * the order is in order-updates.ts. Changing the commands issued here changes what replays: read
 * workflows/VERSIONING.md first.
 */
import {
  ActivityFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  setHandler,
  workflowInfo,
  type ApplicationFailure,
} from '@temporalio/workflow';
import type { CarrierNumberAnswer } from '../activities/types';
import { isValidIsoDate } from '../domain/calendar';
import { answers, phaseOf } from '../domain/lifecycle';
import { PORTING_CHARGE_KINDS } from '../domain/porting-charges';
import { isRejectionCode } from '../domain/rejection-codes';
import {
  focChangedSignal,
  numberAcceptedSignal,
  numberCanceledSignal,
  numberPortedSignal,
  numberRejectedSignal,
  type CarrierEvent,
  type OrderSnapshot,
  type PortInOrderInput,
} from './messages';
import {
  handleCancellation,
  handleComments,
  handlePortDateChange,
  handleQueries,
  handleResubmission,
  handleReview,
} from './order-updates';
import {
  describe,
  dueNumbers,
  finished,
  isoAt,
  nextDeadline,
  orderRun,
  snapshot,
  type NumberState,
  type OrderRun,
} from './order-state';
import {
  carrier,
  carrierAtEndOfBusiness,
  carrierRefusal,
  carrierUnderStorePolicy,
  inventory,
} from './parties';
import { PATCHES } from './patches';
import {
  activated,
  applyAutomaticChecks,
  applyCarrierAnswers,
  capabilityRound,
  carrierAccepted,
  carrierCanceled,
  carrierPorted,
  completed,
  deactivated,
  escalateLateReview,
  flagOverduePorts,
  focChanged,
  focMovedAfterActivation,
  followUpSilence,
  markSubmitted,
  orderSubmitted,
  portingCharged,
  portingChargesDue,
  recordCapabilityResults,
  reject,
  submissionSettled,
} from './transitions';
import { opsVisibility } from './visibility';

export async function portInOrderWorkflow(input: PortInOrderInput): Promise<OrderSnapshot> {
  const run = orderRun(input);
  const { state } = run;
  // The outbox sender runs for the life of this run, beside the loop.
  void run.outbox.send();

  // The received notice first: an update delivered with the first task runs as its handler is
  // registered, and a review would otherwise tell the customer "approved" before "received".
  const receivedFirst = !input.carriedState && patched(PATCHES.receivedNoticeFirst);
  if (receivedFirst) orderSubmitted(run);

  // Handlers before the first await: signals and updates delivered with the first task are
  // dispatched as each is registered, in this order (part of every recorded history).
  handleCarrierEvents(run);
  handleReview(run);
  handleCancellation(run);
  handlePortDateChange(run);
  handleResubmission(run);
  handleQueries(run);
  handleComments(run); // last: a new update, which no recorded history delivers
  const { publish } = opsVisibility(run);

  // 5.1 Submission: tell the customer, run the automatic checks (which may approve the order).
  if (!input.carriedState) {
    if (!receivedFirst) orderSubmitted(run);
    await publish();
    const checks = patched(PATCHES.carrierCallsCarrierPolicy)
      ? await carrier.runAutomaticChecks({ orderId: input.orderId })
      : await carrierUnderStorePolicy.runAutomaticChecks({ orderId: input.orderId });
    applyAutomaticChecks(run, checks);
  }

  // The loop: do what is due, publish, then sleep until the next deadline or message.
  for (;;) {
    run.dirty = false; // anything a handler changes from here on wakes the next iteration
    await dueSteps(run, Date.now());
    await publish();
    if (finished(state, Date.now())) break;

    // Continue as new only at a quiet moment; not quiet now: try again on the next wake-up.
    if (timeToContinueAsNew(run)) await continueAsNewCarryingState(run);

    const deadline = nextDeadline(state, Date.now());
    const waitMs = deadline === undefined ? undefined : Math.max(1, deadline - Date.now());
    const wake = () => run.dirty || timeToContinueAsNew(run);
    if (waitMs === undefined) await condition(wake);
    else await condition(wake, waitMs, { summary: describe(state, Date.now()).slice(0, 200) });
  }

  // Handlers still running (a cancellation charging its fees) and notices still queued finish first.
  await condition(() => allHandlersFinished() && run.outbox.isEmpty());
  await publish();
  return snapshot(input, state, Date.now());
}

// ---- the carrier's events (signals) ----

/**
 * How far the carrier's clock may lag ours: an answer stamped up to this long before the submission
 * it answers still counts. Events of an earlier attempt precede its rejection and the customer's
 * resubmission by far more.
 */
const CARRIER_CLOCK_SKEW_MS = 10_000;

/**
 * The carrier's signed events: de-duplicated by event id, narrowed to the numbers whose phase the
 * event can still change (domain/lifecycle.ts `answers`), then applied. Events for numbers in any
 * other phase are ignored.
 */
function handleCarrierEvents(run: OrderRun): void {
  const { state, transition } = run;

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
      .map((p) => run.find(String(p)))
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
  const answering = (answer: Parameters<typeof answers>[0]) => (n: NumberState) =>
    answers(answer, n, Date.now());

  // 5.3 The carrier accepts with an FOC date: activation is scheduled at its midnight.
  setHandler(numberAcceptedSignal, (event) => {
    const { eventId, focDate } = event;
    if (!fresh(eventId) || !isValidIsoDate(focDate)) return;
    const numbers = eventTargets(event, 'number.accepted').filter(answering('accepted'));
    if (numbers.length) carrierAccepted(run, numbers, focDate, eventId);
  });
  // 5.5 The carrier moves the FOC: the activation moves with it; after activation, ops look at it.
  setHandler(focChangedSignal, (event) => {
    const { eventId, focDate } = event;
    if (!fresh(eventId) || !isValidIsoDate(focDate)) return;
    const listed = eventTargets(event, 'number.foc_changed');
    const numbers = listed.filter(answering('focChanged'));
    if (numbers.length) focChanged(run, numbers, focDate, eventId);
    const activatedAlready = listed.filter(
      (n) => phaseOf(n, Date.now()) === 'activated' && n.focDate !== focDate,
    );
    if (activatedAlready.length && patched(PATCHES.focMovedAfterActivation))
      focMovedAfterActivation(run, activatedAlready, focDate, eventId);
  });
  // 5.3, 7 The carrier rejects: resubmittable within the window when the reason allows it.
  setHandler(numberRejectedSignal, (event) => {
    const { eventId, reasonCode } = event;
    if (!fresh(eventId) || !isRejectionCode(reasonCode)) return;
    const numbers = eventTargets(event, 'number.rejected').filter(answering('rejected'));
    if (numbers.length) reject(run, numbers, reasonCode, eventId);
  });
  // 8 The carrier cancels the port.
  setHandler(numberCanceledSignal, (event) => {
    if (!fresh(event.eventId)) return;
    const numbers = eventTargets(event, 'number.canceled').filter(answering('canceled'));
    if (numbers.length) carrierCanceled(run, numbers, event.eventId);
  });
  // 5.7 The carrier confirms the port: capability tests are due.
  setHandler(numberPortedSignal, (event) => {
    if (!fresh(event.eventId)) return;
    const numbers = eventTargets(event, 'number.ported').filter(answering('ported'));
    if (numbers.length) carrierPorted(run, numbers, 'carrier confirmed the port');
  });
}

// ---- the steps the loop takes when they are due ----

/**
 * One pass of the loop: every step whose numbers are due (domain/lifecycle.ts `isDue`), in the
 * rulebook's order: review SLA, submission, carrier follow-up, activation, deactivation,
 * end-of-business check, capability tests. The order of these steps is part of every recorded history.
 *
 * Why the activity calls sit here and not in helpers: within one workflow task, the commands of the
 * loop, the outbox and running update handlers interleave by microtask turns. An extra async function
 * between an activity's result and the next command would add turns and could reorder commands of
 * existing histories. So this stays one async function that awaits each activity directly, and the
 * transitions it calls are synchronous.
 */
async function dueSteps(run: OrderRun, now: number): Promise<void> {
  const { state, input } = run;
  const { orderId } = input;

  // 5.1 Review SLA: escalate once, keep waiting for the decision.
  escalateLateReview(run, now);

  // 5.2, 5.4 Submission (first time and resubmissions), one activity for all the numbers concerned.
  const toSubmit = dueNumbers(state, 'submission', now);
  if (toSubmit.length) {
    const attempt = markSubmitted(run, toSubmit);
    run.submissionsInFlight += 1;
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
      run.submissionsInFlight -= 1;
    }
    submissionSettled(run, toSubmit, attempt, refusal);
  }

  // 5.3 Carrier silence: follow up (query + ops alert) every N business days.
  const silent = dueNumbers(state, 'carrier_follow_up', now);
  if (silent.length) {
    followUpSilence(run, silent, now);
    const eventKey = `query-${state.seq}`;
    applyCarrierAnswers(run, await carrier.queryCarrier({ orderId }), eventKey);
  }

  // 5.6 FOC midnight: activate every number whose activation instant has come (grouped in one call).
  const toActivate = dueNumbers(state, 'activation', now);
  if (toActivate.length) {
    await inventory.activateNumbers({
      orderId,
      phoneNumbers: toActivate.map((n) => n.phoneNumber),
      idempotencyKey: run.key('activate', state.seq),
    });
    activated(run, toActivate);
  }

  // 8 Canceled by the carrier after activation: out of the account's inventory again.
  const toDeactivate = dueNumbers(state, 'deactivation', now);
  if (toDeactivate.length && patched(PATCHES.deactivateCanceledNumbers)) {
    await inventory.deactivateNumbers({
      orderId,
      phoneNumbers: toDeactivate.map((n) => n.phoneNumber),
      idempotencyKey: run.key('deactivate', state.seq),
    });
    deactivated(run, toDeactivate);
  }

  // 5.7 End of business on the FOC date without the carrier's confirmation: query, alert, keep waiting.
  const overdue = dueNumbers(state, 'end_of_business_check', now);
  if (overdue.length && patched(PATCHES.queryBeforeOverdue)) {
    // The query first: a port done whose confirmation was late or lost is no overdue port, so only
    // the numbers the answers leave unconfirmed are flagged and alerted.
    const eventKey = `end-of-business-${state.seq}`;
    applyCarrierAnswers(run, await endOfBusinessAnswers(orderId), eventKey);
    const unconfirmed = dueNumbers(state, 'end_of_business_check', now);
    if (unconfirmed.length) flagOverduePorts(run, unconfirmed, now);
  } else if (overdue.length) {
    flagOverduePorts(run, overdue, now);
    const eventKey = `query-${state.seq}`;
    applyCarrierAnswers(run, await carrier.queryCarrier({ orderId }), eventKey);
  }

  // 2 The port happened: the one-time charges it carries (outside the US and Canada, after hours),
  // recorded once per number and kind (the key), one call per kind.
  const portingLines = portingChargesDue(run);
  if (portingLines.length && patched(PATCHES.portingCharges)) {
    portingCharged(run, portingLines);
    for (const kind of PORTING_CHARGE_KINDS) {
      const charges = portingLines
        .filter((l) => l.kind === kind)
        .map((l) => ({ phoneNumber: l.phoneNumber, feeCents: l.feeCents, reason: kind }));
      if (charges.length)
        await inventory.chargeFees({ orderId, charges, idempotencyKey: run.key('porting-charge', kind) });
    }
  }

  // 5.8 Capability tests for ported numbers, retried with backoff while a capability fails.
  const toTest = dueNumbers(state, 'capability_test', now);
  if (toTest.length) {
    const round = capabilityRound(run, toTest);
    const test = {
      orderId,
      phoneNumbers: toTest.map((n) => n.phoneNumber),
      idempotencyKey: run.key('capability-test', round),
    };
    const results = patched(PATCHES.carrierCallsCarrierPolicy)
      ? await carrier.testCapabilities(test)
      : await carrierUnderStorePolicy.testCapabilities(test);
    const passed = recordCapabilityResults(run, toTest, results);
    if (passed.length) {
      await inventory.completeNumbers({
        orderId,
        phoneNumbers: passed.map((n) => n.phoneNumber),
        idempotencyKey: run.key('complete', round),
      });
      completed(run, passed, round);
    }
  }
}

// ---- continue-as-new for long orders ----

/**
 * The history is long enough to start afresh (the server suggests it), and it is quiet: an update
 * handler still running (a resubmission waits for the loop to submit) would otherwise be cut off,
 * or wait for a loop that waits for it, and queued notices would be lost.
 */
const timeToContinueAsNew = (run: OrderRun): boolean =>
  workflowInfo().continueAsNewSuggested && allHandlersFinished() && run.outbox.isEmpty();

/** Ends this run and starts the next with the order's state. Not async: the caller awaits the SDK's own promise. */
function continueAsNewCarryingState(run: OrderRun): Promise<never> {
  log.info('continuing as new', { orderId: run.input.orderId, historyLength: workflowInfo().historyLength });
  return continueAsNew<(input: PortInOrderInput) => Promise<OrderSnapshot>>({
    ...run.input,
    carriedState: run.state,
  });
}

/** The carrier's answers at end of business; none when it cannot be reached or refuses the query in time. */
async function endOfBusinessAnswers(orderId: string): Promise<CarrierNumberAnswer[]> {
  try {
    return await carrierAtEndOfBusiness.queryCarrier({ orderId });
  } catch (err) {
    if (err instanceof ActivityFailure) return []; // every number still unconfirmed: flagged and alerted
    throw err;
  }
}
