/**
 * The simulated carrier's order desk: takes port requests, answers them after a delay, releases
 * accepted numbers on their FOC date, and obeys the control switches tests and demos use.
 * Every change to an order runs under that order's lock and ends by (re)arming the order's one
 * timer for its next due answer or port.
 */
import { createHash } from 'node:crypto';
import type { CarrierPortRequest } from '../carrier/gateway';
import type { IsoDate } from '../domain/calendar';
import { SimulatorError, notFound } from './errors';
import type { EventOutbox } from './event-outbox';
import { groupIntoEvents, type CarrierEvent } from './events';
import { checkNewPortDate, grantedFocDate, portDueAt } from './foc';
import { KeyedLock } from './keyed-lock';
import type { SimulatorLogger } from './logger';
import {
  isOpenNumberState,
  type PortRequestNumber,
  type PortRequestRecord,
  type PortRequestSubmission,
} from './port-requests';
import type { SimulatorStore } from './store';
import type { Timers } from './timers';
import { decidePortRequest } from './validation';

export interface LosingCarrierOptions {
  store: SimulatorStore;
  outbox: EventOutbox;
  timers: Timers;
  lock: KeyedLock;
  now: () => number;
  answerMs: number;
  portMs: number;
  focLeadBusinessDays: number;
  /** False: requests are only recorded; nothing happens without a control call. */
  autoAnswer: boolean;
  logger: SimulatorLogger;
}

export interface LosingCarrier {
  submit(req: CarrierPortRequest): Promise<{ carrierRequestId: string }>;
  get(orderId: string): Promise<PortRequestRecord>;
  /** Cancellation asked by the gaining side: no event (the asker knows). */
  cancel(orderId: string, phoneNumbers?: readonly string[]): Promise<{ canceled: string[] }>;
  /** Supp asked by the gaining side: no event (the asker gets the new FOC in the response). */
  changePortDate(
    orderId: string,
    portDate: IsoDate,
    phoneNumbers?: readonly string[],
  ): Promise<{ focDate: IsoDate }>;
  control: {
    answerNow(orderId: string): Promise<PortRequestRecord>;
    moveFoc(orderId: string, focDate: IsoDate, phoneNumbers?: readonly string[]): Promise<PortRequestRecord>;
    cancel(orderId: string, phoneNumbers?: readonly string[]): Promise<PortRequestRecord>;
    complete(orderId: string, phoneNumbers?: readonly string[]): Promise<PortRequestRecord>;
  };
  /** Re-arms timers for requests left open by a previous run. */
  resume(): Promise<void>;
}

/** Deterministic per idempotency key, so a replayed submit can never mint a second id. */
export function carrierRequestIdFor(idempotencyKey: string): string {
  return `CR-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 16).toUpperCase()}`;
}

export function createLosingCarrier(options: LosingCarrierOptions): LosingCarrier {
  const { store, outbox, timers, lock, now, logger } = options;

  async function load(orderId: string): Promise<PortRequestRecord> {
    const request = await store.getPortRequest(orderId);
    if (!request) throw notFound(orderId);
    return request;
  }

  /** Loads, changes, saves and publishes the order's events under its lock, then re-arms its timer. */
  function change(
    orderId: string,
    mutate: (request: PortRequestRecord, at: number) => CarrierEvent[],
  ): Promise<PortRequestRecord> {
    return lock.run(`order:${orderId}`, async () => {
      const request = await load(orderId);
      const at = now();
      const events = mutate(request, at);
      request.updatedAt = at;
      await store.savePortRequest(request);
      if (events.length > 0) await outbox.publish(events);
      schedule(request);
      return request;
    });
  }

  function schedule(request: PortRequestRecord): void {
    const key = `order:${request.orderId}`;
    if (!options.autoAnswer) return;
    const dues = [
      ...request.submissions.filter((s) => s.answeredAt === undefined).map((s) => s.answerDueAt),
      ...request.numbers.flatMap((n) =>
        n.state === 'accepted' && n.portDueAt !== undefined ? [n.portDueAt] : [],
      ),
    ];
    if (dues.length === 0) return timers.clear(key);
    const dueAt = Math.min(...dues);
    timers.at(key, dueAt, () => {
      // The timer firing means dueAt has come, even when an injected clock stands still.
      change(request.orderId, (r, at) => [
        ...answerDue(r, Math.max(at, dueAt), at),
        ...portDue(r, Math.max(at, dueAt), at),
      ]).catch((error: unknown) =>
        logger.error({ err: error, orderId: request.orderId }, 'carrier timer failed'),
      );
    });
  }

  function answerDue(request: PortRequestRecord, horizon: number, at: number): CarrierEvent[] {
    const due = request.submissions.filter((s) => s.answeredAt === undefined && s.answerDueAt <= horizon);
    return due.flatMap((s) => answer(request, s, at));
  }

  function portDue(request: PortRequestRecord, horizon: number, at: number): CarrierEvent[] {
    const due = request.numbers.filter((n) => n.state === 'accepted' && (n.portDueAt ?? Infinity) <= horizon);
    return port(request, due, at);
  }

  /** Reveals the decisions taken at intake for the numbers this submission still owns. */
  function answer(request: PortRequestRecord, submission: PortRequestSubmission, at: number): CarrierEvent[] {
    submission.answeredAt = at;
    const owned = request.numbers.filter(
      (n) => n.carrierRequestId === submission.carrierRequestId && n.state === 'pending',
    );
    const accepted: PortRequestNumber[] = [];
    const rejected: PortRequestNumber[] = [];
    for (const n of owned) {
      n.updatedAt = at;
      if (n.decision === 'accept' && n.decidedFocDate) {
        n.state = 'accepted';
        n.focDate = n.decidedFocDate;
        n.portDueAt = portDueAt(n.focDate, request.country, at, options.portMs);
        accepted.push(n);
      } else {
        n.state = 'rejected';
        n.reasonCode = n.decidedReasonCode;
        rejected.push(n);
      }
    }
    const occurredAt = new Date(at).toISOString();
    const orderId = request.orderId;
    logger.info(
      {
        orderId,
        carrierRequestId: submission.carrierRequestId,
        accepted: accepted.length,
        rejected: rejected.length,
      },
      'port request answered',
    );
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

  function port(request: PortRequestRecord, numbers: PortRequestNumber[], at: number): CarrierEvent[] {
    if (numbers.length === 0) return [];
    for (const n of numbers) {
      n.state = 'ported';
      n.portDueAt = undefined;
      n.updatedAt = at;
    }
    logger.info({ orderId: request.orderId, ported: numbers.length }, 'numbers ported');
    const phoneNumbers = numbers.map((n) => n.phoneNumber).sort();
    return [
      {
        type: 'number.ported',
        orderId: request.orderId,
        phoneNumbers,
        occurredAt: new Date(at).toISOString(),
      },
    ];
  }

  /** The order's numbers named by the caller (all when none are named); unknown numbers are refused. */
  function select(request: PortRequestRecord, phoneNumbers?: readonly string[]): PortRequestNumber[] {
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

  function requireAccepted(
    request: PortRequestRecord,
    phoneNumbers?: readonly string[],
  ): PortRequestNumber[] {
    const chosen = select(request, phoneNumbers);
    const targets = chosen.filter((n) => n.state === 'accepted');
    if (targets.length === 0 || (phoneNumbers?.length && targets.length !== chosen.length)) {
      throw new SimulatorError(409, 'not_accepted', 'the numbers must be accepted (with an FOC date) first');
    }
    return targets;
  }

  return {
    submit(req) {
      return lock.run(`order:${req.orderId}`, async () => {
        const existing = await store.getPortRequest(req.orderId);
        const replay = existing?.submissions.find((s) => s.idempotencyKey === req.idempotencyKey);
        if (replay) return { carrierRequestId: replay.carrierRequestId };
        if (existing && existing.country !== req.country) {
          throw new SimulatorError(
            422,
            'country_changed',
            `order ${req.orderId} was submitted for ${existing.country}`,
          );
        }
        const at = now();
        const request: PortRequestRecord = existing ?? {
          orderId: req.orderId,
          country: req.country,
          submissions: [],
          numbers: [],
          createdAt: at,
          updatedAt: at,
        };
        // A resubmission re-decides only numbers that ended rejected or canceled (or are new).
        const inFlight = new Set(
          request.numbers
            .filter((n) => n.state !== 'rejected' && n.state !== 'canceled')
            .map((n) => n.phoneNumber),
        );
        const fresh = req.phoneNumbers.filter((p) => !inFlight.has(p));
        const carrierRequestId = carrierRequestIdFor(req.idempotencyKey);
        const focDate = grantedFocDate(at, req.country, options.focLeadBusinessDays, req.requestedPortDate);
        const decisions = decidePortRequest(req, fresh, await store.listRecords());
        request.numbers = [
          ...request.numbers.filter((n) => !fresh.includes(n.phoneNumber)),
          ...decisions.map((d): PortRequestNumber => ({
            phoneNumber: d.phoneNumber,
            state: 'pending',
            carrierRequestId,
            ...(d.outcome === 'accept'
              ? { decision: 'accept', decidedFocDate: focDate }
              : { decision: 'reject', decidedReasonCode: d.reasonCode }),
            updatedAt: at,
          })),
        ];
        request.submissions.push({
          idempotencyKey: req.idempotencyKey,
          carrierRequestId,
          attempt: req.attempt,
          phoneNumbers: fresh,
          submittedAt: at,
          answerDueAt: at + options.answerMs,
        });
        request.updatedAt = at;
        await store.savePortRequest(request);
        logger.info(
          { orderId: req.orderId, carrierRequestId, attempt: req.attempt, numbers: fresh.length },
          'port request received',
        );
        schedule(request);
        return { carrierRequestId };
      });
    },

    get: load,

    async cancel(orderId, phoneNumbers) {
      let canceled: string[] = [];
      await change(orderId, (request, at) => {
        const chosen = select(request, phoneNumbers);
        const ported = chosen.filter((n) => n.state === 'ported');
        if (ported.length > 0) {
          throw new SimulatorError(
            422,
            'already_ported',
            `already ported, no longer cancellable: ${ported.map((n) => n.phoneNumber).join(', ')}`,
          );
        }
        const open = chosen.filter((n) => isOpenNumberState(n.state));
        for (const n of open) {
          n.state = 'canceled';
          n.portDueAt = undefined;
          n.updatedAt = at;
        }
        canceled = open.map((n) => n.phoneNumber);
        return [];
      });
      return { canceled };
    },

    async changePortDate(orderId, portDate, phoneNumbers) {
      await change(orderId, (request, at) => {
        const chosen = select(request, phoneNumbers).filter(
          (n) => n.state !== 'rejected' && n.state !== 'canceled',
        );
        if (chosen.some((n) => n.state === 'ported')) {
          throw new SimulatorError(422, 'already_ported', 'a ported number has no port date to change');
        }
        if (chosen.length === 0 || chosen.some((n) => n.state !== 'accepted' || !n.focDate)) {
          throw new SimulatorError(
            422,
            'not_accepted',
            'no FOC date yet: the port date can change once accepted',
          );
        }
        const currentFoc = chosen.map((n) => n.focDate ?? '').sort()[chosen.length - 1];
        const refusal = checkNewPortDate(portDate, currentFoc, request.country, at);
        if (refusal)
          throw new SimulatorError(422, refusal, portDateRefusalMessage(refusal, portDate, currentFoc));
        for (const n of chosen) {
          n.focDate = portDate;
          n.portDueAt = portDueAt(portDate, request.country, at, options.portMs);
          n.updatedAt = at;
        }
        logger.info({ orderId, numbers: chosen.length, focDate: portDate }, 'port date changed');
        return [];
      });
      return { focDate: portDate };
    },

    control: {
      answerNow(orderId) {
        return change(orderId, (request, at) => {
          const open = request.submissions.filter((s) => s.answeredAt === undefined);
          if (open.length === 0)
            throw new SimulatorError(409, 'nothing_to_answer', 'every submission was answered');
          return open.flatMap((s) => answer(request, s, at));
        });
      },
      moveFoc(orderId, focDate, phoneNumbers) {
        return change(orderId, (request, at) => {
          const targets = requireAccepted(request, phoneNumbers);
          for (const n of targets) {
            n.focDate = focDate;
            n.portDueAt = portDueAt(focDate, request.country, at, options.portMs);
            n.updatedAt = at;
          }
          const numbers = targets.map((n) => n.phoneNumber).sort();
          return [
            {
              type: 'number.foc_changed',
              orderId,
              phoneNumbers: numbers,
              focDate,
              occurredAt: new Date(at).toISOString(),
            },
          ];
        });
      },
      cancel(orderId, phoneNumbers) {
        return change(orderId, (request, at) => {
          const targets = select(request, phoneNumbers).filter((n) => isOpenNumberState(n.state));
          if (targets.length === 0)
            throw new SimulatorError(409, 'nothing_to_cancel', 'no pending or accepted number');
          for (const n of targets) {
            n.state = 'canceled';
            n.portDueAt = undefined;
            n.updatedAt = at;
          }
          const numbers = targets.map((n) => n.phoneNumber).sort();
          return [
            {
              type: 'number.canceled',
              orderId,
              phoneNumbers: numbers,
              occurredAt: new Date(at).toISOString(),
            },
          ];
        });
      },
      complete(orderId, phoneNumbers) {
        return change(orderId, (request, at) => port(request, requireAccepted(request, phoneNumbers), at));
      },
    },

    async resume() {
      for (const request of await store.listOpenPortRequests()) schedule(request);
    },
  };
}

function portDateRefusalMessage(refusal: string, portDate: IsoDate, currentFoc: IsoDate): string {
  switch (refusal) {
    case 'in_the_past':
      return `${portDate} is in the past`;
    case 'not_business_day':
      return `${portDate} is not a business day`;
    default:
      return `${portDate} is before the current FOC date ${currentFoc}`;
  }
}
