/**
 * The port-date change update (rulebook 5.5, 6): validates the new date, asks the carrier for it
 * when a submission is there, moves the FOC and activation of accepted numbers, charges the fees
 * and tells the customer. A carrier refusal changes and charges nothing.
 */
import { condition, setHandler } from '@temporalio/workflow';
import { activationInstant, localDate } from '../domain/calendar';
import { portDateIssues } from '../domain/port-dates';
import { carrier, store } from './activity-proxies';
import { setFoc } from './carrier-answers';
import { changeTargets, feeResult } from './change-targets';
import { REFUSALS, changePortDateUpdate, type NumberState } from './messages';
import { isoAt, type OrderRun } from './order-run';
import { carrierRefusal, refuse } from './refusals';

/**
 * The new date must pass the port-date rule (domain/port-dates.ts: a business day of the order's
 * country, in the future, not before any FOC the carrier granted); the first issue is the refusal.
 */
const validatePortDate = (run: OrderRun, portDate: string, numbers: NumberState[]) => {
  const { country, timeZone } = run.input;
  const focDate = numbers
    .map((n) => n.focDate)
    .filter((d): d is string => !!d)
    .sort()
    .pop();
  const [issue] = portDateIssues(portDate, {
    country,
    today: localDate(Date.now(), timeZone),
    ...(focDate ? { focDate } : {}),
  });
  if (issue) refuse(REFUSALS.invalidPortDate, issue.message);
};

/** Registers the port-date change update. Must run before the workflow's first await. */
export function handlePortDateChange(run: OrderRun): void {
  const { state, input, transition } = run;
  const { orderId, timeZone } = input;
  setHandler(
    changePortDateUpdate,
    async (request) => {
      const { numbers, quote } = changeTargets(run, request.actor, request.phoneNumbers);
      const stepKey = run.key('port-date', state.seq + 1);
      transition('number.port_date_change_requested', numbers, undefined, request.portDate);
      const atCarrier = numbers.filter((n) => n.submittedAt !== undefined);
      let focDate = request.portDate;
      if (atCarrier.length) {
        await condition(() => run.submissionsInFlight === 0);
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
      if (accepted.length) setFoc(run, accepted, focDate);
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
      run.outbox.notice(
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
        const { numbers } = changeTargets(run, request.actor, request.phoneNumbers);
        validatePortDate(run, request.portDate, numbers);
      },
    },
  );
}
