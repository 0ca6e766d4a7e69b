/**
 * What ops and the API see of a running order: the search attributes ops filter on (upserted only
 * when they change, since every upsert is a command), the current details in the Temporal UI, and
 * the read model's snapshot (persisted only when a transition happened).
 */
import { setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import { activationInstant } from '../domain/calendar';
import { store } from './activity-proxies';
import type { OrderRun } from './order-run';
import { describe, needsAttention, nextFocDate, orderStatus, snapshot } from './order-state';
import { AccountId, FocDate, LosingCarrier, NeedsAttention, PortInStatus } from './search-attributes';

export interface OpsVisibility {
  /** Brings search attributes, current details and the persisted snapshot up to date. */
  publish(): Promise<void>;
}

export function opsVisibility(run: OrderRun): OpsVisibility {
  const { input, state } = run;
  const { orderId, timeZone } = input;
  let lastAttributes = '';
  let persistedSeq = -1;
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
  return { publish };
}
