/**
 * The order's queries: its snapshot (what the API and portctl show) and the fee quote of a
 * cancellation (rulebook 6). Queries issue no commands: changing them never affects replay.
 */
import { setHandler } from '@temporalio/workflow';
import { quoteChange } from '../domain/fees';
import { changeQuoteQuery, statusQuery } from './messages';
import type { OrderRun } from './order-run';
import { changeStateOf, snapshot } from './order-state';

/** Registers the queries. Must run before the workflow's first await. */
export function handleQueries(run: OrderRun): void {
  const { input, state } = run;
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
      input.policy.feeSchedule,
    );
  });
}
