/**
 * What ops and the API see of a running order: the search attributes ops filter on (upserted only
 * when they change, since every upsert is a command), the current details in the Temporal UI, and
 * the read model's snapshot (persisted only when a transition happened, as a delta of what changed
 * since the last successful one; a run's first persist is a delta against nothing: every number,
 * grouped, since patch `lean-first-persist`).
 */
import { patched, setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import { activationInstant } from '../domain/calendar';
import type { OrderSnapshot } from './messages';
import { describe, needsAttention, nextFocDate, orderStatus, snapshot, type OrderRun } from './order-state';
import { inventory } from './parties';
import { PATCHES } from './patches';
import { groupNumbers, runsOfWaitingFor, type OrderSnapshotDelta } from './snapshot-delta';
import { AccountId, FocDate, LosingCarrier, NeedsAttention, PortInStatus } from './search-attributes';

export interface OpsVisibility {
  /** Brings search attributes, current details and the persisted snapshot up to date. */
  publish(): Promise<void>;
}

/** What the last successful persist wrote, as JSON per number and for the order's larger lists. */
interface Persisted {
  seq: number;
  numbers: Map<string, string>;
  waitingFor: string;
  fees: string;
}

const persistedForm = (seq: number, full: OrderSnapshot): Persisted => ({
  seq,
  numbers: new Map(full.numbers.map((n) => [n.phoneNumber, JSON.stringify(n)])),
  waitingFor: JSON.stringify(full.waitingFor),
  fees: JSON.stringify(full.fees),
});

/**
 * Nothing persisted yet: a delta against it carries every number (grouped: a 100-number order's
 * numbers start alike, so one group), every transition, the waiting-for list and the fees.
 */
const NOTHING_PERSISTED: Persisted = { seq: -1, numbers: new Map(), waitingFor: '', fees: '' };

/** The part of `full` that differs from what was persisted last (see OrderSnapshotDelta). */
function delta(full: OrderSnapshot, now: Persisted, last: Persisted): OrderSnapshotDelta {
  const { waitingFor, fees, totalFeesCents, numbers, transitions, ...orderLevel } = full;
  return {
    ...orderLevel,
    numbers: groupNumbers(
      numbers.filter((n) => last.numbers.get(n.phoneNumber) !== now.numbers.get(n.phoneNumber)),
    ),
    transitions: transitions.filter((t) => t.seq > last.seq),
    ...(now.waitingFor !== last.waitingFor ? { waitingFor: runsOfWaitingFor(waitingFor) } : {}),
    ...(now.fees !== last.fees ? { fees, totalFeesCents } : {}),
  };
}

export function opsVisibility(run: OrderRun): OpsVisibility {
  const { input, state } = run;
  const { orderId, timeZone } = input;
  let lastAttributes = '';
  let persistedSeq = -1;
  /** Unset until this run's first successful persist (which therefore sends the whole order). */
  let persisted: Persisted | undefined;
  const identity = `Port-in ${orderId}: ${input.phoneNumbers.length} number(s) from ${input.losingCarrier}, account ${input.accountId}`;
  const publish = async () => {
    const status = orderStatus(state);
    const foc = nextFocDate(state);
    const attention = needsAttention(state, input, Date.now());
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
      const full = snapshot(input, state, Date.now());
      const now = persistedForm(seq, full);
      if (persisted && patched(PATCHES.leanSnapshotPersist)) {
        await inventory.persistSnapshot({ snapshot: delta(full, now, persisted), changedNumbersOnly: true });
      } else if (!persisted && patched(PATCHES.leanFirstPersist)) {
        // The run's first persist, compact too: the same values as the whole order, numbers grouped.
        const first = delta(full, now, NOTHING_PERSISTED);
        await inventory.persistSnapshot({ snapshot: first, changedNumbersOnly: true });
      } else {
        await inventory.persistSnapshot({ snapshot: full });
      }
      persistedSeq = seq;
      persisted = now;
    }
  };
  return { publish };
}
