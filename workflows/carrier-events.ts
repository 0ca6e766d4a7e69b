/**
 * The carrier's signed events (signals): de-duplicated by event id, narrowed to the numbers they can
 * still be about, then applied through carrier-answers.ts. Events for numbers not in a matching
 * state are recorded and ignored.
 */
import { patched, setHandler } from '@temporalio/workflow';
import { isValidIsoDate } from '../domain/calendar';
import { isRejectionCode } from '../domain/rejection-codes';
import {
  answerable,
  carrierAccepted,
  carrierCanceled,
  carrierPorted,
  focMovedAfterActivation,
  focNotice,
  reject,
  setFoc,
} from './carrier-answers';
import {
  focChangedSignal,
  numberAcceptedSignal,
  numberCanceledSignal,
  numberPortedSignal,
  numberRejectedSignal,
  type CarrierEvent,
  type NumberState,
} from './messages';
import { isoAt, type OrderRun } from './order-run';
import { PATCHES } from './patches';

/**
 * How far the carrier's clock may lag ours: an answer stamped up to this long before the submission
 * it answers still counts. Events of an earlier attempt precede its rejection and the customer's
 * resubmission by far more.
 */
const CARRIER_CLOCK_SKEW_MS = 10_000;

/** Registers the carrier event signals. Must run before the workflow's first await. */
export function handleCarrierEvents(run: OrderRun): void {
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

  setHandler(numberAcceptedSignal, (event) => {
    const { eventId, focDate } = event;
    if (!fresh(eventId) || !isValidIsoDate(focDate)) return;
    const numbers = eventTargets(event, 'number.accepted').filter(answerable.accepted);
    if (numbers.length) carrierAccepted(run, numbers, focDate, eventId);
  });
  setHandler(focChangedSignal, (event) => {
    const { eventId, focDate } = event;
    if (!fresh(eventId) || !isValidIsoDate(focDate)) return;
    const listed = eventTargets(event, 'number.foc_changed');
    const numbers = listed.filter(answerable.focChanged);
    if (numbers.length) {
      transition('number.foc_changed', numbers, undefined, `FOC ${focDate}`);
      const previousFocDate = numbers[0].focDate;
      setFoc(run, numbers, focDate);
      focNotice(run, numbers, focDate, 'foc_moved', eventId, previousFocDate);
    }
    const activated = listed.filter(
      (n) => n.status === 'accepted' && n.activated && !n.ported && n.focDate !== focDate,
    );
    if (activated.length && patched(PATCHES.focMovedAfterActivation))
      focMovedAfterActivation(run, activated, focDate, eventId);
  });
  setHandler(numberRejectedSignal, (event) => {
    const { eventId, reasonCode } = event;
    if (!fresh(eventId) || !isRejectionCode(reasonCode)) return;
    const numbers = eventTargets(event, 'number.rejected').filter(answerable.rejected);
    if (numbers.length) reject(run, numbers, reasonCode, eventId);
  });
  setHandler(numberCanceledSignal, (event) => {
    if (!fresh(event.eventId)) return;
    const numbers = eventTargets(event, 'number.canceled').filter(answerable.canceled);
    if (numbers.length) carrierCanceled(run, numbers, event.eventId);
  });
  setHandler(numberPortedSignal, (event) => {
    if (!fresh(event.eventId)) return;
    const numbers = eventTargets(event, 'number.ported').filter(answerable.ported);
    if (numbers.length) carrierPorted(run, numbers, 'carrier confirmed the port');
  });
}
