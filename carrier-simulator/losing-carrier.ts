/**
 * The simulated carrier's order desk: takes port requests, answers them after a delay, releases
 * accepted numbers on their FOC date, and obeys the control switches tests and demos use.
 * Every change to an order runs under that order's lock (load → transition → save → publish
 * events) and ends by re-arming the order's single timer for its next due answer or port.
 */
import { createHash } from 'node:crypto';
import type { CarrierPortRequest } from '../carrier/gateway';
import type { IsoDate } from '../domain/calendar';
import { demoGrant, demoLine } from './demo-profile';
import { SimulatorError, notFound } from './errors';
import type { EventOutbox } from './event-outbox';
import type { CarrierEvent } from './events';
import { checkNewPortDate, grantedFocDate, type PortDateRefusal } from './foc';
import type { KeyedLock } from './keyed-lock';
import type { SimulatorLogger } from './logger';
import type { PortRequestNumber, PortRequestRecord } from './port-requests';
import type { SimulatorStore } from './store';
import type { Timers } from './timers';
import {
  acceptedNumbers,
  advance,
  answerSubmission,
  cancelNumbers,
  canceledEvent,
  focChangedEvent,
  nextDueAt,
  portNumbers,
  redate,
  selectNumbers,
} from './transitions';
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
  /** The carrier acting on its own (tests and demos): these send events. */
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
  const { store, outbox, timers, lock, now, logger, portMs } = options;

  async function load(orderId: string): Promise<PortRequestRecord> {
    const request = await store.getPortRequest(orderId);
    if (!request) throw notFound(orderId);
    return request;
  }

  function change(
    orderId: string,
    transition: (request: PortRequestRecord, at: number) => CarrierEvent[],
  ): Promise<PortRequestRecord> {
    return lock.run(`order:${orderId}`, async () => {
      const request = await load(orderId);
      const at = now();
      const events = transition(request, at);
      request.updatedAt = at;
      await store.savePortRequest(request);
      if (events.length > 0) {
        await outbox.publish(events);
        for (const e of events)
          logger.info({ orderId, type: e.type, numbers: e.phoneNumbers.length }, 'carrier event');
      }
      schedule(request);
      return request;
    });
  }

  function schedule(request: PortRequestRecord): void {
    const key = `order:${request.orderId}`;
    const dueAt = options.autoAnswer ? nextDueAt(request) : undefined;
    if (dueAt === undefined) return timers.clear(key);
    timers.at(key, dueAt, () => {
      // The timer firing means dueAt has come, even when an injected clock stands still.
      change(request.orderId, (r, at) => advance(r, Math.max(at, dueAt), at, portMs)).catch(
        (error: unknown) => logger.error({ err: error, orderId: request.orderId }, 'carrier timer failed'),
      );
    });
  }

  async function submit(req: CarrierPortRequest): Promise<{ carrierRequestId: string }> {
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
      // A resubmission re-decides only the numbers that ended rejected or canceled (or are new).
      const inFlight = new Set(
        request.numbers
          .filter((n) => n.state !== 'rejected' && n.state !== 'canceled')
          .map((n) => n.phoneNumber),
      );
      const fresh = req.phoneNumbers.filter((p) => !inFlight.has(p));
      const carrierRequestId = carrierRequestIdFor(req.idempotencyKey);
      const focDate = grantedFocDate(at, req.country, options.focLeadBusinessDays, req.requestedPortDate);
      // The demo carrier's range grants today's FOC instead (demo-profile.ts).
      const acceptance = (
        phoneNumber: string,
      ): Pick<PortRequestNumber, 'decision' | 'decidedFocDate' | 'portsAtOnce'> => {
        if (demoLine(phoneNumber)?.outcome !== 'today')
          return { decision: 'accept', decidedFocDate: focDate };
        const grant = demoGrant(at, req.country, req.serviceAddress, req.requestedPortDate);
        return {
          decision: 'accept',
          decidedFocDate: grant.focDate,
          ...(grant.portsAtOnce ? { portsAtOnce: true } : {}),
        };
      };
      // Decided now, while the PIN and account number are at hand; only the decision is stored.
      const decisions = decidePortRequest(req, fresh, await store.listRecords());
      request.numbers = [
        ...request.numbers.filter((n) => !fresh.includes(n.phoneNumber)),
        ...decisions.map((d): PortRequestNumber => ({
          phoneNumber: d.phoneNumber,
          state: 'pending',
          carrierRequestId,
          ...(d.outcome === 'accept'
            ? acceptance(d.phoneNumber)
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
  }

  return {
    submit,
    get: load,

    async cancel(orderId, phoneNumbers) {
      let canceled: PortRequestNumber[] = [];
      await change(orderId, (request, at) => {
        const chosen = selectNumbers(request, phoneNumbers);
        const ported = chosen.filter((n) => n.state === 'ported').map((n) => n.phoneNumber);
        if (ported.length > 0) {
          throw new SimulatorError(
            422,
            'already_ported',
            `already ported, not cancellable: ${ported.join(', ')}`,
          );
        }
        canceled = cancelNumbers(chosen, at);
        return [];
      });
      return { canceled: canceled.map((n) => n.phoneNumber) };
    },

    async changePortDate(orderId, portDate, phoneNumbers) {
      await change(orderId, (request, at) => {
        const chosen = selectNumbers(request, phoneNumbers).filter(
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
        if (refusal) throw new SimulatorError(422, refusal, refusalMessage(refusal, portDate, currentFoc));
        redate(request, chosen, portDate, at, portMs);
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
          return open.flatMap((s) => answerSubmission(request, s, at, portMs));
        });
      },
      moveFoc(orderId, focDate, phoneNumbers) {
        return change(orderId, (request, at) => {
          const targets = acceptedNumbers(request, phoneNumbers);
          redate(request, targets, focDate, at, portMs);
          return [focChangedEvent(request, targets, at)];
        });
      },
      cancel(orderId, phoneNumbers) {
        return change(orderId, (request, at) => {
          const canceled = cancelNumbers(selectNumbers(request, phoneNumbers), at);
          if (canceled.length === 0)
            throw new SimulatorError(409, 'nothing_to_cancel', 'no pending or accepted number');
          return [canceledEvent(request, canceled, at)];
        });
      },
      complete(orderId, phoneNumbers) {
        return change(orderId, (request, at) =>
          portNumbers(request, acceptedNumbers(request, phoneNumbers), at),
        );
      },
    },

    async resume() {
      for (const request of await store.listOpenPortRequests()) schedule(request);
    },
  };
}

function refusalMessage(refusal: PortDateRefusal, portDate: IsoDate, currentFoc: IsoDate): string {
  switch (refusal) {
    case 'in_the_past':
      return `${portDate} is in the past`;
    case 'not_business_day':
      return `${portDate} is not a business day`;
    case 'before_foc':
      return `${portDate} is before the current FOC date ${currentFoc}`;
  }
}
