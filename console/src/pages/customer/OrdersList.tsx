/**
 * Orders: the list the API answers, newest first, with the rulebook's exact status names; filters
 * (status, number, creation dates) live in the hash's query so a filtered list can be linked; pages
 * follow the API's `nextCursor`.
 */
import { useState } from 'preact/hooks';
import { unwrap } from '../../api';
import { SelectField, TextField } from '../../components/Field';
import { CalendarDate, ColumnHeads, Instant, StatusBadge } from '../../components/Display';
import { ProblemSummary } from '../../components/Problems';
import { ORDER_STATUSES } from '../../lib/format';
import { href } from '../../lib/route';
import { useLoad } from '../../lib/use-load';
import type { PageProps } from '../../registry';
import { Pager } from '../../components/Pager';

const PAGE_SIZE = 20;

/** A date field (YYYY-MM-DD, the browser's day) as the instant the API filters on. */
const dayStart = (date: string) => (date ? new Date(`${date}T00:00:00`).toISOString() : undefined);
const dayEnd = (date: string) => (date ? new Date(`${date}T23:59:59.999`).toISOString() : undefined);

export function OrdersList({ api, query, me }: PageProps) {
  const applied = {
    status: query.get('status') ?? '',
    phoneNumber: query.get('phoneNumber') ?? '',
    from: query.get('from') ?? '',
    to: query.get('to') ?? '',
  };
  const [form, setForm] = useState(applied);
  const [cursors, setCursors] = useState<string[]>([]); // the cursors of the pages before this one, and this one's
  const cursor = cursors[cursors.length - 1];
  const list = useLoad(
    () =>
      unwrap(
        api.client.GET('/v1/port-in-orders', {
          params: {
            query: {
              limit: PAGE_SIZE,
              ...(applied.status ? { status: applied.status as (typeof ORDER_STATUSES)[number] } : {}),
              ...(applied.phoneNumber ? { phoneNumber: applied.phoneNumber.replace(/[\s().-]/g, '') } : {}),
              ...(applied.from ? { createdFrom: dayStart(applied.from) } : {}),
              ...(applied.to ? { createdTo: dayEnd(applied.to) } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        }),
      ),
    [cursor],
  );
  const apply = (e: Event) => {
    e.preventDefault();
    window.location.hash = href('/orders', {}, form);
  };
  const problems = list.problem?.errors ?? [];
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  // The API names query parameters; the form's controls are named after them.
  const named = problems.map((p) => ({
    ...p,
    field: p.field === 'createdFrom' ? 'from' : p.field === 'createdTo' ? 'to' : p.field,
  }));
  return (
    <>
      {me.role !== 'ops' ? (
        <p>
          <a class="button" href={href('/orders/new')}>
            New port-in order
          </a>
        </p>
      ) : null}
      <form class="filters" role="search" aria-label="Filter orders" onSubmit={apply}>
        <SelectField
          name="status"
          label="Status"
          value={form.status}
          onValue={set('status')}
          options={[
            { value: '', label: 'Any status' },
            ...ORDER_STATUSES.map((s) => ({ value: s, label: s })),
          ]}
          problems={named}
        />
        <TextField
          name="phoneNumber"
          label="Search by number"
          type="search"
          inputMode="tel"
          placeholder="+12125550147"
          value={form.phoneNumber}
          onValue={set('phoneNumber')}
          problems={named}
        />
        <TextField
          name="from"
          label="Created from"
          type="date"
          value={form.from}
          onValue={set('from')}
          problems={named}
        />
        <TextField
          name="to"
          label="Created to"
          type="date"
          value={form.to}
          onValue={set('to')}
          problems={named}
        />
        <div class="actions">
          <button type="submit">Apply filters</button>
          <a href={href('/orders')}>Clear</a>
        </div>
      </form>
      <ProblemSummary problem={list.problem} claimed={['status', 'phoneNumber', 'from', 'to']} />
      {list.loading ? <p role="status">Loading orders…</p> : null}
      {list.data ? (
        list.data.data.length === 0 ? (
          <p role="status">No orders on this page.</p>
        ) : (
          <div class="table-wrap">
            <table class="orders">
              <caption class="visually-hidden">Orders, newest first</caption>
              <ColumnHeads names={['Order', 'Status', 'Numbers', 'FOC date', 'Created']} />
              <tbody>
                {list.data.data.map((o) => {
                  const focs = [...new Set(o.numbers.map((n) => n.focDate).filter(Boolean))];
                  return (
                    <tr key={o.id}>
                      <td data-label="Order">
                        <a href={href('/orders/:id', { id: o.id })}>{o.customerReference || o.id}</a>
                        {o.customerReference ? <div class="muted">{o.id}</div> : null}
                      </td>
                      <td data-label="Status">
                        <StatusBadge status={o.status} />
                      </td>
                      <td data-label="Numbers">{o.phoneNumbers.join(', ')}</td>
                      <td data-label="FOC date">
                        {focs.length ? focs.map((d) => <CalendarDate key={d} date={d} />) : '—'}
                      </td>
                      <td data-label="Created">
                        <Instant at={o.createdAt} zone={o.timeZone} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      <Pager label="Pages" cursors={cursors} nextCursor={list.data?.nextCursor} onCursors={setCursors} />
    </>
  );
}
