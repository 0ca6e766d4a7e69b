/**
 * One long-running workflow per port-in order (rulebook sections 4–8): review with a 24 h SLA,
 * carrier submission and follow-ups, FOC midnight activation in the order's zone, end-of-business
 * checks, capability tests with backoff, cancellations and port-date changes with fees, rejections
 * and resubmissions. All waiting is one loop over durable deadlines, so an FOC move simply moves
 * the next wake-up.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
  log,
} from '@temporalio/workflow';
import type { PortInActivities } from '../activities/types';
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
  type NumberState,
  type OrderState,
  type PortInOrderInput,
  type OrderSnapshot,
} from './messages';
import {
  changeStateOf,
  describe,
  initialState,
  isSettled,
  needsAttention,
  nextFocDate,
  orderStatus,
  snapshot,
} from './order-state';
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

export async function portInOrderWorkflow(input: PortInOrderInput): Promise<OrderSnapshot> {
  const { orderId, policy, timeZone, country } = input;
  const state: OrderState = input.carriedState ?? initialState(input, Date.now());
  let dirty = true; // something changed since the loop last looked
  let persistedSeq = -1;
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
  const outbox: Array<() => Promise<void>> = [];
  const later = (effect: () => Promise<void>) => {
    outbox.push(effect);
    dirty = true;
  };
  const notice = (
    n: Parameters<PortInActivities['notifyCustomer']>[0]['notice'],
    ...keyParts: (string | number)[]
  ) =>
    later(() =>
      notify.notifyCustomer({ orderId, notice: n, idempotencyKey: key('notify', n.kind, ...keyParts) }),
    );
  const alert = (reason: string, details: string) => {
    state.opsAlerts += 1;
    const idempotencyKey = key('alert', state.opsAlerts);
    later(() => notify.alertOps({ orderId, reason, details, idempotencyKey }));
  };

  const setFoc = (
    numbers: NumberState[],
    focDate: string,
    kind: 'foc_assigned' | 'foc_moved',
    eventKey: string,
  ) => {
    const activationAt = activationInstant(focDate, timeZone);
    for (const n of numbers) {
      n.focDate = focDate;
      n.activationAt = activationAt;
      n.endOfBusinessCheckAt = endOfBusinessInstant(focDate, timeZone);
      n.portOverdue = false;
    }
    notice(
      { kind, phoneNumbers: numbers.map((n) => n.phoneNumber), focDate, activationAt: isoAt(activationAt) },
      eventKey,
    );
  };

  const reject = (numbers: NumberState[], code: RejectionCode, eventKey: string) => {
    const now = Date.now();
    const resubmitBy = REJECTION_REASONS[code].resubmittable ? now + policy.resubmissionWindowMs : undefined;
    for (const n of numbers) {
      n.rejection = { code, at: now, ...(resubmitBy !== undefined ? { resubmitBy } : {}) };
      n.awaitingSubmission = false;
    }
    transition('number.rejected', numbers, 'rejected', code);
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

  // Carrier events: de-duplicated by event id; events for numbers not in a matching state are recorded and ignored.
  const fresh = (eventId: string) => {
    if (state.processedEventIds.includes(eventId)) return false;
    state.processedEventIds.push(eventId);
    return true;
  };
  const eventNumbers = (phoneNumbers: string[], accept: (n: NumberState) => boolean) =>
    phoneNumbers.map(find).filter((n): n is NumberState => n !== undefined && accept(n));

  setHandler(numberAcceptedSignal, ({ eventId, phoneNumbers, focDate }) => {
    if (!fresh(eventId) || !isValidIsoDate(focDate)) return;
    const numbers = eventNumbers(phoneNumbers, (n) => n.status === 'submitted_to_carrier');
    if (numbers.length === 0) return;
    transition('number.accepted', numbers, 'accepted', `FOC ${focDate}`);
    setFoc(numbers, focDate, 'foc_assigned', eventId);
  });
  setHandler(focChangedSignal, ({ eventId, phoneNumbers, focDate }) => {
    if (!fresh(eventId) || !isValidIsoDate(focDate)) return;
    const numbers = eventNumbers(phoneNumbers, (n) => n.status === 'accepted' && !n.activated);
    if (numbers.length === 0) return;
    transition('number.foc_changed', numbers, undefined, `FOC ${focDate}`);
    setFoc(numbers, focDate, 'foc_moved', eventId);
  });
  setHandler(numberRejectedSignal, ({ eventId, phoneNumbers, reasonCode }) => {
    if (!fresh(eventId) || !isRejectionCode(reasonCode)) return;
    const numbers = eventNumbers(
      phoneNumbers,
      (n) => n.status === 'submitted_to_carrier' || (n.status === 'accepted' && !n.activated),
    );
    if (numbers.length > 0) reject(numbers, reasonCode, eventId);
  });
  setHandler(numberCanceledSignal, ({ eventId, phoneNumbers }) => {
    if (!fresh(eventId)) return;
    const numbers = eventNumbers(phoneNumbers, (n) => !isTerminalNumberStatus(n.status) && !n.ported);
    if (numbers.length === 0) return;
    for (const n of numbers) n.cancellation = { by: 'carrier', feeCents: 0, at: Date.now() };
    transition('number.canceled', numbers, 'canceled', 'canceled by the carrier');
    notice(
      {
        kind: 'canceled',
        phoneNumbers: numbers.map((n) => n.phoneNumber),
        canceledBy: 'carrier',
        fees: [],
        totalCents: 0,
      },
      eventId,
    );
  });
  setHandler(numberPortedSignal, ({ eventId, phoneNumbers }) => {
    if (!fresh(eventId)) return;
    const numbers = eventNumbers(phoneNumbers, (n) => n.status === 'accepted' && !n.ported);
    if (numbers.length === 0) return;
    for (const n of numbers) {
      n.ported = true;
      n.nextCapabilityTestAt = Date.now();
    }
    transition('number.ported', numbers, undefined, 'carrier confirmed the port');
  });

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
    if (actor.role !== 'support') refuse(REFUSALS.roleNotAllowed, 'only support staff may do this');
  };
  const changeTargets = (actor: Actor, phoneNumbers: string[] | undefined) => {
    const numbers = targets(phoneNumbers, (n) => !changeStateOf(n).closed);
    if (numbers.length === 0)
      refuse(
        REFUSALS.numberClosed,
        'no number of this order can still be changed: activated, ported or finished numbers are no longer a port',
      );
    if (actor.role === 'ops') refuse(REFUSALS.roleNotAllowed, 'ops may read orders but not change them');
    const quote = quoteChange(
      numbers.map((n) => ({ phoneNumber: n.phoneNumber, ...changeStateOf(n) })),
      actor.role,
      Date.now(),
      policy.feeSchedule,
    );
    const refused = quote.numbers.filter((q) => q.refusal);
    if (refused.some((q) => q.refusal === 'number_closed'))
      refuse(
        REFUSALS.numberClosed,
        `already activated, ported or finished (a port-out is a different process): ${refused.map((q) => q.phoneNumber).join(', ')}`,
      );
    if (refused.some((q) => q.refusal === 'customer_inside_72h'))
      refuse(
        REFUSALS.customerInside72h,
        `the port is less than 72 hours away for ${refused.map((q) => q.phoneNumber).join(', ')}: only support can make this change now (fees apply); please contact support`,
      );
    if (refused.length) refuse(REFUSALS.roleNotAllowed, 'this role may not make this change');
    return { numbers, quote };
  };

  setHandler(
    reviewUpdate,
    async (decision) => {
      const numbers = state.numbers.filter((n) => n.status === 'in_review');
      if (decision.decision === 'approve') {
        state.review = 'approved';
        for (const n of numbers) n.awaitingSubmission = true;
        transition('review.approved', numbers, undefined, decision.note);
        notice({ kind: 'review_approved', phoneNumbers: numbers.map((n) => n.phoneNumber) });
      } else {
        state.review = 'rejected';
        transition('review.rejected', numbers, undefined, decision.note);
        reject(numbers, decision.reasonCode, 'review');
      }
      await condition(() => outbox.length === 0);
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
      const { numbers, quote } = changeTargets(request.actor, request.phoneNumbers);
      const now = Date.now();
      const atCarrier = numbers.filter((n) => n.submittedAt !== undefined).map((n) => n.phoneNumber);
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
      const cancelKey = key('cancel', state.seq);
      if (atCarrier.length)
        await carrier.cancelAtCarrier({ orderId, phoneNumbers: atCarrier, idempotencyKey: cancelKey });
      const charges = quote.numbers
        .filter((q) => q.feeCents > 0)
        .map((q) => ({ phoneNumber: q.phoneNumber, feeCents: q.feeCents, reason: 'cancellation' as const }));
      if (charges.length) await store.chargeFees({ orderId, charges, idempotencyKey: cancelKey });
      notice(
        {
          kind: 'canceled',
          phoneNumbers: numbers.map((n) => n.phoneNumber),
          canceledBy: request.actor.role === 'customer' ? 'customer' : 'support',
          fees: quote.numbers.map((q) => ({ phoneNumber: q.phoneNumber, feeCents: q.feeCents })),
          totalCents: quote.totalCents,
        },
        state.seq,
      );
      return {
        currency: quote.currency,
        numbers: quote.numbers.map((q) => ({ phoneNumber: q.phoneNumber, feeCents: q.feeCents })),
        totalCents: quote.totalCents,
      };
    },
    { validator: (request) => void changeTargets(request.actor, request.phoneNumbers) },
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
      const now = Date.now();
      const stepKey = key('port-date', state.seq + 1);
      transition('number.port_date_change_requested', numbers, undefined, request.portDate);
      for (const q of quote.numbers) {
        if (q.feeCents > 0)
          state.charges.push({
            phoneNumber: q.phoneNumber,
            feeCents: q.feeCents,
            reason: 'port_date_change',
            at: now,
          });
      }
      const atCarrier = numbers.filter((n) => n.submittedAt !== undefined);
      let focDate = request.portDate;
      state.requestedPortDate = request.portDate; // honoured by any later (re)submission
      if (atCarrier.length) {
        ({ focDate } = await carrier.changeDateAtCarrier({
          orderId,
          phoneNumbers: atCarrier.map((n) => n.phoneNumber),
          portDate: request.portDate,
          idempotencyKey: stepKey,
        }));
        const accepted = atCarrier.filter((n) => n.status === 'accepted');
        if (accepted.length) setFoc(accepted, focDate, 'foc_moved', stepKey);
      }
      const charges = quote.numbers
        .filter((q) => q.feeCents > 0)
        .map((q) => ({
          phoneNumber: q.phoneNumber,
          feeCents: q.feeCents,
          reason: 'port_date_change' as const,
        }));
      if (charges.length) await store.chargeFees({ orderId, charges, idempotencyKey: stepKey });
      transition('number.port_date_changed', numbers, undefined, focDate);
      return {
        currency: quote.currency,
        numbers: quote.numbers.map((q) => ({ phoneNumber: q.phoneNumber, feeCents: q.feeCents })),
        totalCents: quote.totalCents,
        focDate,
      };
    },
    {
      validator: (request) => {
        const { numbers } = changeTargets(request.actor, request.phoneNumbers);
        validatePortDate(request.portDate, numbers);
      },
    },
  );

  const resubmittable = (n: NumberState) =>
    n.status === 'rejected' && n.rejection?.resubmitBy !== undefined && Date.now() < n.rejection.resubmitBy;
  setHandler(
    resubmitUpdate,
    async (request) => {
      const numbers = targets(request.phoneNumbers, resubmittable);
      for (const n of numbers) {
        n.awaitingSubmission = true;
        n.rejection = undefined;
      }
      transition(
        'number.resubmitted',
        numbers,
        'in_review',
        `corrected: ${request.correctedFields.join(', ') || 'nothing named'}`,
      );
      if (state.review === 'rejected') state.review = 'approved';
      await condition(() => numbers.every((n) => !n.awaitingSubmission));
      return {
        phoneNumbers: numbers.map((n) => n.phoneNumber),
        attempt: Math.max(...numbers.map((n) => n.attempt)),
      };
    },
    {
      validator: (request) => {
        if (request.actor.role === 'ops')
          refuse(REFUSALS.roleNotAllowed, 'ops may read orders but not change them');
        const numbers = targets(request.phoneNumbers, resubmittable);
        if (numbers.length === 0 || !numbers.every(resubmittable)) {
          refuse(
            REFUSALS.notResubmittable,
            'only rejected numbers inside their resubmission window can be resubmitted (unportable numbers never)',
          );
        }
      },
    },
  );

  setHandler(statusQuery, () => snapshot(input, state, Date.now()));
  setHandler(changeQuoteQuery, ({ role, phoneNumbers }) => {
    const numbers = phoneNumbers?.length
      ? state.numbers.filter((n) => phoneNumbers.includes(n.phoneNumber))
      : state.numbers.filter((n) => !changeStateOf(n).closed);
    return quoteChange(
      numbers.map((n) => ({ phoneNumber: n.phoneNumber, ...changeStateOf(n) })),
      role,
      Date.now(),
      policy.feeSchedule,
    );
  });

  // ---- the loop: do what is due, publish, then sleep until the next deadline or message ----

  let lastAttributes = '';
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
    setCurrentDetails(describe(state, Date.now()));
    if (state.seq !== persistedSeq) {
      const seq = state.seq;
      await store.persistSnapshot({ snapshot: snapshot(input, state, Date.now()) });
      persistedSeq = seq;
    }
  };

  const flushOutbox = async () => {
    while (outbox.length) await outbox.shift()!();
  };

  if (!input.carriedState) {
    transition('order.submitted', state.numbers, 'in_review');
    notice({ kind: 'submission_received', phoneNumbers: input.phoneNumbers });
    await publish();
    const checks = await store.runAutomaticChecks({ orderId });
    if (policy.autoApproveCleanOrders && checks.clean && state.review === 'pending') {
      state.review = 'approved';
      for (const n of state.numbers) n.awaitingSubmission = true;
      transition('review.auto_approved', state.numbers, undefined, 'automatic checks clean');
      notice({ kind: 'review_approved', phoneNumbers: input.phoneNumbers });
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
        'no decision within 24 h',
      );
      alert(
        'review_sla_breached',
        `order ${orderId} has waited more than ${policy.reviewSlaMs / 3_600_000} h for review`,
      );
    }

    // Submission (first time and resubmissions), one activity for all the numbers concerned.
    const toSubmit = state.numbers.filter((n) => n.awaitingSubmission && n.status !== 'canceled');
    if (toSubmit.length) {
      const attempt = Math.max(...toSubmit.map((n) => n.attempt)) + 1;
      await carrier.submitToCarrier({
        orderId,
        attempt,
        phoneNumbers: toSubmit.map((n) => n.phoneNumber),
        requestedPortDate: state.requestedPortDate,
      });
      const submittedAt = Date.now();
      const stillWanted = toSubmit.filter((n) => n.awaitingSubmission && n.status !== 'canceled');
      for (const n of stillWanted) {
        n.awaitingSubmission = false;
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
      transition('number.submitted_to_carrier', stillWanted, 'submitted_to_carrier', `attempt ${attempt}`);
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
      await flushOutbox();
      applyCarrierAnswers(await carrier.queryCarrier({ orderId }), `query-${state.seq}`);
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
      await flushOutbox();
      applyCarrierAnswers(await carrier.queryCarrier({ orderId }), `query-${state.seq}`);
    }

    // Capability tests for ported numbers, retried with backoff while a capability fails.
    const toTest = state.numbers.filter(
      (n) =>
        n.ported &&
        n.status !== 'completed' &&
        !isTerminalNumberStatus(n.status) &&
        n.nextCapabilityTestAt !== undefined &&
        now >= n.nextCapabilityTestAt,
    );
    if (toTest.length) {
      const round = state.seq;
      const results = await store.testCapabilities({
        orderId,
        phoneNumbers: toTest.map((n) => n.phoneNumber),
        idempotencyKey: key('capability-test', round),
      });
      const passed: NumberState[] = [];
      for (const n of toTest) {
        const r = results.find((x) => x.phoneNumber === n.phoneNumber);
        const voiceOk = r?.voice !== false;
        const smsOk = input.capabilities === 'voice' || r?.sms !== false;
        if (r && voiceOk && smsOk) {
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
          now + Math.min(maximumIntervalMs, initialIntervalMs * 2 ** (n.capabilityFailures - 1));
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

  // Answers learned by querying the carrier count like events (the carrier may simply have been slow to call back).
  const applyCarrierAnswers = (
    answers: Awaited<ReturnType<PortInActivities['queryCarrier']>>,
    eventKey: string,
  ) => {
    const group = (pred: (a: (typeof answers)[number], n: NumberState) => boolean) =>
      answers
        .map((a) => ({ a, n: find(a.phoneNumber) }))
        .filter((x): x is { a: (typeof answers)[number]; n: NumberState } => !!x.n && pred(x.a, x.n));
    const accepted = group(
      (a, n) => a.state === 'accepted' && !!a.focDate && n.status === 'submitted_to_carrier',
    );
    for (const { a, n } of accepted) {
      transition('number.accepted', [n], 'accepted', `FOC ${a.focDate} (from carrier query)`);
      setFoc([n], a.focDate!, 'foc_assigned', `${eventKey}-${n.phoneNumber}`);
    }
    for (const { a, n } of group(
      (a, n) =>
        a.state === 'rejected' && isRejectionCode(a.reasonCode) && n.status === 'submitted_to_carrier',
    )) {
      reject([n], a.reasonCode!, `${eventKey}-${n.phoneNumber}`);
    }
    const ported = group((a, n) => a.state === 'ported' && n.status === 'accepted' && !n.ported).map(
      (x) => x.n,
    );
    for (const n of ported) {
      n.ported = true;
      n.nextCapabilityTestAt = Date.now();
    }
    if (ported.length) transition('number.ported', ported, undefined, 'carrier query shows the port done');
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
    await flushOutbox();
    await publish();
    if (finished() && outbox.length === 0) break;

    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await flushOutbox();
      await publish();
      log.info('continuing as new', { orderId, historyLength: workflowInfo().historyLength });
      await continueAsNew<typeof portInOrderWorkflow>({ ...input, carriedState: state });
    }

    const deadline = nextDeadline();
    const waitMs = deadline === undefined ? undefined : Math.max(1, deadline - Date.now());
    if (waitMs === undefined) await condition(() => dirty);
    else await condition(() => dirty, waitMs, { summary: describe(state, Date.now()).slice(0, 200) });
  }

  await condition(allHandlersFinished);
  await flushOutbox();
  await publish();
  return snapshot(input, state, Date.now());
}
