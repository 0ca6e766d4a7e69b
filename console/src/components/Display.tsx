/** Small displays of API values: a status with the rulebook's exact name, money, an instant, a date. */
import { formatDate, formatInstant, formatMoney, STATUS_WORDS, statusTone } from '../lib/format';

/** The exact status name of the rulebook (docs/rules.md §6) and the same in words. */
export function StatusBadge(props: { status: string }) {
  const words = (STATUS_WORDS as Record<string, string | undefined>)[props.status];
  return (
    <span class={`badge tone-${statusTone(props.status)}`}>
      <code class="status-name">{props.status}</code>
      {words ? <span class="status-words"> {words}</span> : null}
    </span>
  );
}

export const Money = (props: { cents: number }) => <span class="money">{formatMoney(props.cents)}</span>;

/** An instant on the order's wall clock, the zone named; machine-readable in `datetime`. */
export const Instant = (props: { at?: string | null; zone?: string }) =>
  props.at ? <time dateTime={props.at}>{formatInstant(props.at, props.zone)}</time> : <span>—</span>;

export const CalendarDate = (props: { date?: string | null }) =>
  props.date ? <time dateTime={props.date}>{formatDate(props.date)}</time> : <span>—</span>;

/** A table's header row: one column header per name (blank names leave a column out). */
export function ColumnHeads(props: { names: readonly (string | false)[] }) {
  return (
    <thead>
      <tr>
        {props.names.map((name) =>
          name === false ? null : (
            <th key={name} scope="col">
              {name}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
