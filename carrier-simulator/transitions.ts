/**
 * How a port request's numbers move between carrier states, as pure functions over the stored
 * record: each returns the events a real carrier would send for the change (none for changes
 * the gaining side asked for itself). Locking, storing and timers are losing-carrier.ts's job.
 */
import type { IsoDate } from '../domain/calendar';
import { SimulatorError } from './errors';
import { groupIntoEvents, type CarrierEvent } from './events';
import { portDueAt } from './foc';
import {
  isOpenNumberState,
  type PortRequestNumber,
  type PortRequestRecord,
  type PortRequestSubmission,
} from './port-requests';

const iso = (at: number) => new Date(at).toISOString();
const sortedNumbers = (numbers: readonly PortRequestNumber[]) => numbers.map((n) => n.phoneNumber).sort();

/** The next instant something is due on the request (an answer or a port), if any. */
export function nextDueAt(request: PortRequestRecord): number | undefined {
  const dues = [
    ...request.submissions.filter((s) => s.answeredAt === undefined).map((s) => s.answerDueAt),
    ...request.numbers.flatMap((n) =>
      n.state === 'accepted' && n.portDueAt !== undefined ? [n.portDueAt] : [],
    ),
  ];
  return dues.length === 0 ? undefined : Math.min(...dues);
}

/** Answers the submissions and ports the numbers that are due by `horizon`. */
export function advance(
  request: PortRequestRecord,
  horizon: number,
  at: number,
  portMs: number,
): CarrierEvent[] {
  const answers = request.submissions
    .filter((s) => s.answeredAt === undefined && s.answerDueAt <= horizon)
    .flatMap((s) => answerSubmission(request, s, at, portMs));
  const duePorts = request.numbers.filter(
    (n) => n.state === 'accepted' && (n.portDueAt ?? Infinity) <= horizon,
  );
  return [...answers, ...portNumbers(request, duePorts, at)];
}

/** Reveals the decisions taken at intake for the numbers this submission still owns. */
export function answerSubmission(
  request: PortRequestRecord,
  submission: PortRequestSubmission,
  at: number,
  portMs: number,
): CarrierEvent[] {
  submission.answeredAt = at;
  const accepted: PortRequestNumber[] = [];
  const rejected: PortRequestNumber[] = [];
  for (const n of request.numbers) {
    if (n.carrierRequestId !== submission.carrierRequestId || n.state !== 'pending') continue;
    n.updatedAt = at;
    if (n.decision === 'accept' && n.decidedFocDate) {
      n.state = 'accepted';
      n.focDate = n.decidedFocDate;
      n.portDueAt = n.portsAtOnce ? at : portDueAt(n.focDate, request.country, at, portMs);
      accepted.push(n);
    } else {
      n.state = 'rejected';
      n.reasonCode = n.decidedReasonCode;
      rejected.push(n);
    }
  }
  const { orderId } = request;
  const occurredAt = iso(at);
  return [
    ...groupIntoEvents(
      accepted,
      (n) => n.focDate ?? '',
      (n, phoneNumbers) => ({
        type: 'number.accepted',
        orderId,
        phoneNumbers,
        focDate: n.focDate,
        occurredAt,
      }),
    ),
    ...groupIntoEvents(
      rejected,
      (n) => n.reasonCode ?? '',
      (n, phoneNumbers) => ({
        type: 'number.rejected',
        orderId,
        phoneNumbers,
        reasonCode: n.reasonCode,
        occurredAt,
      }),
    ),
  ];
}

export function portNumbers(
  request: PortRequestRecord,
  numbers: PortRequestNumber[],
  at: number,
): CarrierEvent[] {
  if (numbers.length === 0) return [];
  for (const n of numbers) {
    n.state = 'ported';
    n.portDueAt = undefined;
    n.updatedAt = at;
  }
  return [
    {
      type: 'number.ported',
      orderId: request.orderId,
      phoneNumbers: sortedNumbers(numbers),
      occurredAt: iso(at),
    },
  ];
}

/** Sets a new FOC date and the port time that follows from it. */
export function redate(
  request: PortRequestRecord,
  numbers: PortRequestNumber[],
  focDate: IsoDate,
  at: number,
  portMs: number,
): void {
  for (const n of numbers) {
    n.focDate = focDate;
    n.portDueAt = portDueAt(focDate, request.country, at, portMs);
    n.updatedAt = at;
  }
}

export function focChangedEvent(
  request: PortRequestRecord,
  numbers: PortRequestNumber[],
  at: number,
): CarrierEvent {
  const focDate = numbers[0]?.focDate;
  return {
    type: 'number.foc_changed',
    orderId: request.orderId,
    phoneNumbers: sortedNumbers(numbers),
    focDate,
    occurredAt: iso(at),
  };
}

/** Cancels the pending and accepted numbers among `numbers`; returns those it canceled. */
export function cancelNumbers(numbers: PortRequestNumber[], at: number): PortRequestNumber[] {
  const open = numbers.filter((n) => isOpenNumberState(n.state));
  for (const n of open) {
    n.state = 'canceled';
    n.portDueAt = undefined;
    n.updatedAt = at;
  }
  return open;
}

export function canceledEvent(
  request: PortRequestRecord,
  numbers: PortRequestNumber[],
  at: number,
): CarrierEvent {
  return {
    type: 'number.canceled',
    orderId: request.orderId,
    phoneNumbers: sortedNumbers(numbers),
    occurredAt: iso(at),
  };
}

/** The order's numbers named by the caller (all when none are named); unknown numbers are refused. */
export function selectNumbers(
  request: PortRequestRecord,
  phoneNumbers?: readonly string[],
): PortRequestNumber[] {
  if (!phoneNumbers || phoneNumbers.length === 0) return request.numbers;
  const unknown = phoneNumbers.filter((p) => !request.numbers.some((n) => n.phoneNumber === p));
  if (unknown.length > 0) {
    throw new SimulatorError(
      422,
      'unknown_number',
      `not part of order ${request.orderId}: ${unknown.join(', ')}`,
    );
  }
  return request.numbers.filter((n) => phoneNumbers.includes(n.phoneNumber));
}

/** The accepted numbers among those named (all accepted ones when none are named); refused when there are none. */
export function acceptedNumbers(
  request: PortRequestRecord,
  phoneNumbers?: readonly string[],
): PortRequestNumber[] {
  const chosen = selectNumbers(request, phoneNumbers);
  const accepted = chosen.filter((n) => n.state === 'accepted');
  if (accepted.length === 0 || (phoneNumbers?.length && accepted.length !== chosen.length)) {
    throw new SimulatorError(409, 'not_accepted', 'the numbers must be accepted (with an FOC date) first');
  }
  return accepted;
}
