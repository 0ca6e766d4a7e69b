/**
 * The lean form of a persisted snapshot (`lean-snapshot-persist`): after a run's first persist, the
 * workflow sends only what changed since the last successful one, compactly, and the store merges it
 * into the stored order. Pure: shared by the workflow (encode), the persistSnapshot activity and the
 * test fakes (expand).
 *
 * A 100-number order moves its numbers together, so the changed numbers go as groups of numbers that
 * share every persisted field, and the waiting-for list (one entry per number, naming it) as runs of
 * entries that differ only in the number they name. Both expand to exactly the lists they encode.
 */
import type { OrderSnapshot } from './messages';

export type SnapshotNumber = OrderSnapshot['numbers'][number];
export type WaitingForEntry = OrderSnapshot['waitingFor'][number];

/** Changed numbers that share every persisted field but the phone number, in order. */
export interface NumberGroup {
  phoneNumbers: string[];
  fields: Omit<SnapshotNumber, 'phoneNumber'>;
}

/**
 * Consecutive waiting-for entries with the same `until` whose `what` differs only in the phone
 * number it names, at the first `+digits` (marked by PLACE in `what`); without `phoneNumbers`, one
 * entry as it is.
 */
export interface WaitingForRun {
  what: string;
  until?: string;
  phoneNumbers?: string[];
}

/**
 * What a lean persist sends: the order-level fields, the numbers whose persisted fields changed since
 * the last successful persist (grouped), the transitions newer than it, and the waiting-for list and
 * the fees only when they changed (left as stored when absent).
 */
export interface OrderSnapshotDelta extends Omit<
  OrderSnapshot,
  'numbers' | 'waitingFor' | 'fees' | 'totalFeesCents'
> {
  numbers: NumberGroup[];
  waitingFor?: WaitingForRun[];
  fees?: OrderSnapshot['fees'];
  totalFeesCents?: number;
}

const PLACE = '\u0000';
const NUMBER = /\+\d+/;

export function groupNumbers(numbers: readonly SnapshotNumber[]): NumberGroup[] {
  const groups: NumberGroup[] = [];
  let key = '';
  for (const { phoneNumber, ...fields } of numbers) {
    const k = JSON.stringify(fields);
    const last = groups.at(-1);
    if (last && k === key) last.phoneNumbers.push(phoneNumber);
    else groups.push({ phoneNumbers: [phoneNumber], fields });
    key = k;
  }
  return groups;
}

export const expandNumbers = (groups: readonly NumberGroup[]): SnapshotNumber[] =>
  groups.flatMap((g) => g.phoneNumbers.map((phoneNumber) => ({ phoneNumber, ...g.fields })));

export function runsOfWaitingFor(entries: readonly WaitingForEntry[]): WaitingForRun[] {
  const runs: WaitingForRun[] = [];
  for (const entry of entries) {
    const m = NUMBER.exec(entry.what);
    if (!m || entry.what.includes(PLACE)) {
      runs.push({ ...entry });
      continue;
    }
    const what = entry.what.slice(0, m.index) + PLACE + entry.what.slice(m.index + m[0].length);
    const last = runs.at(-1);
    if (last?.phoneNumbers && last.what === what && last.until === entry.until) last.phoneNumbers.push(m[0]);
    else
      runs.push({ what, ...(entry.until !== undefined ? { until: entry.until } : {}), phoneNumbers: [m[0]] });
  }
  return runs;
}

export const expandWaitingFor = (runs: readonly WaitingForRun[]): WaitingForEntry[] =>
  runs.flatMap(({ what, until, phoneNumbers }) =>
    (phoneNumbers ?? [undefined]).map((n) => ({
      what: n === undefined ? what : what.replace(PLACE, () => n),
      ...(until !== undefined ? { until } : {}),
    })),
  );
