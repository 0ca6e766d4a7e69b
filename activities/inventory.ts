/**
 * Activities that write our own store: the account's inventory (activation, deactivation,
 * completion), the order's charges, and the read model the API serves (persistSnapshot). Each is
 * idempotent through a key in the store: a retry re-applies the same state.
 */
import { isDuplicateKey } from '../store/connection';
import { endedNumbers, releaseNumbers } from '../store/number-holds';
import { writeTimelineEntries } from '../store/timeline';
import { expandNumbers, expandWaitingFor, type SnapshotNumber } from '../workflows/snapshot-delta';
import { orderLoader, type ActivityDeps } from './context';
import type { InventoryActivities } from './types';

/** The distinct FOC dates of an order's numbers (indexed: the API lists orders by FOC date). */
const focDatesOf = (numbers: readonly { focDate?: string | null }[]) => [
  ...new Set(numbers.map((n) => n.focDate).filter((d): d is string => Boolean(d))),
];

export function inventoryActivities({ store }: ActivityDeps): InventoryActivities {
  const { Order, ActiveNumber, Charge } = store.models;
  const loadOrder = orderLoader(store);

  return {
    async activateNumbers({ orderId, phoneNumbers }) {
      const order = await loadOrder(orderId);
      const configuration = order.draft.configuration ?? {};
      // Upsert keyed by number: a retry re-applies the same state.
      await Promise.all(
        phoneNumbers.map((phoneNumber) =>
          ActiveNumber.updateOne(
            { _id: phoneNumber, state: { $ne: 'active' } },
            {
              $set: {
                accountId: order.accountId,
                orderId,
                configuration,
                state: 'activated',
                activatedAt: new Date(),
              },
            },
            { upsert: true },
          ).catch((err) => (isDuplicateKey(err) ? undefined : Promise.reject(err))),
        ),
      );
    },

    async deactivateNumbers({ orderId, phoneNumbers }) {
      // Only what this order activated and did not complete: a retry finds nothing left to remove.
      await Promise.all(
        phoneNumbers.map((phoneNumber) =>
          ActiveNumber.deleteOne({ _id: phoneNumber, orderId, state: 'activated' }),
        ),
      );
    },

    async completeNumbers({ orderId, phoneNumbers }) {
      await Promise.all(
        phoneNumbers.map((phoneNumber) =>
          ActiveNumber.updateOne(
            { _id: phoneNumber, orderId },
            { $set: { state: 'active', completedAt: new Date() } },
          ),
        ),
      );
    },

    async chargeFees({ orderId, charges, idempotencyKey }) {
      const order = await loadOrder(orderId);
      for (const c of charges) {
        await Charge.create({
          _id: `${idempotencyKey}:${c.phoneNumber}`,
          orderId,
          accountId: order.accountId,
          phoneNumber: c.phoneNumber,
          reason: c.reason,
          amountCents: c.feeCents,
          currency: 'USD',
        }).catch((err) => (isDuplicateKey(err) ? undefined : Promise.reject(err)));
      }
    },

    async persistSnapshot(input) {
      const { snapshot } = input;
      const seq = snapshot.transitions.length ? snapshot.transitions[snapshot.transitions.length - 1].seq : 0;
      // The timeline first, then the order: the order's snapshotSeq then says "timeline written up to
      // here", so each call writes only the entries that are new since the last one (not the whole
      // timeline again), and a retry after a failure in between writes them again.
      const stored = await Order.findById(
        snapshot.orderId,
        input.changedNumbersOnly ? { snapshotSeq: 1, numbers: 1 } : { snapshotSeq: 1 },
      ).lean();
      const writtenUpTo = stored?.snapshotSeq ?? -1;
      await writeTimelineEntries(store, snapshot.orderId, snapshot.transitions, writtenUpTo);
      const orderLevel = {
        status: snapshot.status,
        needsAttention: snapshot.needsAttention,
        review: snapshot.review,
        snapshotSeq: seq,
      };
      let numbersWritten: SnapshotNumber[];
      if (!input.changedNumbersOnly) {
        numbersWritten = input.snapshot.numbers;
        // Monotonic: an older snapshot (a retried activity overtaken by a newer one) never overwrites a newer one.
        await Order.updateOne(
          { _id: snapshot.orderId, snapshotSeq: { $lte: seq } },
          {
            $set: {
              status: snapshot.status,
              numbers: input.snapshot.numbers,
              focDates: focDatesOf(input.snapshot.numbers),
              needsAttention: snapshot.needsAttention,
              waitingFor: input.snapshot.waitingFor,
              fees: input.snapshot.fees,
              totalFeesCents: input.snapshot.totalFeesCents,
              review: snapshot.review,
              snapshotSeq: seq,
            },
          },
        );
      } else {
        const delta = input.snapshot;
        numbersWritten = expandNumbers(delta.numbers);
        const set = {
          ...orderLevel,
          ...(delta.waitingFor ? { waitingFor: expandWaitingFor(delta.waitingFor) } : {}),
          ...(delta.fees ? { fees: delta.fees, totalFeesCents: delta.totalFeesCents } : {}),
        };
        // A delta: merge the changed numbers into the stored ones and write them back, compare-and-set
        // on the snapshotSeq just read, so a concurrent write (an earlier attempt still running) is
        // never lost: on a mismatch read again. A stored seq above this one means this delta (and a
        // newer one) was applied already; an equal one that this delta was (a retry re-applies it).
        const changed = new Map(numbersWritten.map((n) => [n.phoneNumber, n]));
        let current = stored;
        for (let round = 0; current && (current.snapshotSeq ?? -1) <= seq; round += 1) {
          const known = new Set(current.numbers.map((n) => n.phoneNumber));
          const numbers = [
            ...current.numbers.map((n) => changed.get(n.phoneNumber) ?? n),
            ...numbersWritten.filter((n) => !known.has(n.phoneNumber)),
          ];
          const { matchedCount } = await Order.updateOne(
            { _id: snapshot.orderId, snapshotSeq: current.snapshotSeq ?? { $exists: false } },
            { $set: { ...set, numbers, focDates: focDatesOf(numbers) } },
          );
          if (matchedCount) break;
          if (round >= 4)
            throw new Error(`persistSnapshot: ${snapshot.orderId} kept changing under a delta write`);
          current = await Order.findById(snapshot.orderId, { snapshotSeq: 1, numbers: 1 }).lean();
        }
      }
      // Numbers that ended free their holds (only this order's: a retry or an older snapshot changes
      // nothing). A delta names every number whose status changed, so each ended one at least once.
      await releaseNumbers(store, snapshot.orderId, endedNumbers(numbersWritten));
    },
  };
}
