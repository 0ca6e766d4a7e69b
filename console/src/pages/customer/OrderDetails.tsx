/**
 * One order: each number with its status in words, FOC date and activation time in the order's
 * zone, rejection reasons with their remedy, the timeline, and the actions the API offers on the
 * numbers (their `actions`): resubmit after a rejection, cancel and port-date change (each shows the
 * API's quote and asks to confirm), configure.
 * Other roles add their own blocks through ORDER_SECTIONS (registry.ts).
 */
import { unwrap, type NumberAction, type Order } from '../../api';
import { CalendarDate, ColumnHeads, Instant, Money, StatusBadge } from '../../components/Display';
import { ProblemSummary } from '../../components/Problems';
import { rejectionReason } from '../../lib/format';
import { href } from '../../lib/route';
import { useLoad } from '../../lib/use-load';
import { WRITERS, type PageProps } from '../../registry';
import { ORDER_SECTIONS } from '..';
import { isClosedOrderStatus } from '../../../../domain/statuses';
import { Comments } from './Comments';
import { DocumentList } from './DocumentList';
import { CancelOrder, ChangePortDate, numbersOffering, Resubmit } from './OrderActions';

function Numbers({ order }: { order: Order }) {
  return (
    <section aria-labelledby="numbers-h">
      <h2 id="numbers-h">Numbers</h2>
      <div class="table-wrap">
        <table class="numbers">
          <ColumnHeads names={['Number', 'Status', 'FOC date', `Activation (${order.timeZone})`, 'Notes']} />
          <tbody>
            {order.numbers.map((n) => {
              const reason = n.rejection ? rejectionReason(n.rejection.code) : undefined;
              return (
                <tr key={n.phoneNumber}>
                  <th scope="row" data-label="Number">
                    {n.phoneNumber}
                  </th>
                  <td data-label="Status">
                    <StatusBadge status={n.status} />
                  </td>
                  <td data-label="FOC date">
                    <CalendarDate date={n.focDate} />
                  </td>
                  <td data-label="Activation">
                    <Instant at={n.activationAt} zone={order.timeZone} />
                    {n.activated ? ' (activated)' : ''}
                  </td>
                  <td data-label="Notes">
                    {n.rejection ? (
                      <div class="rejection">
                        <p>
                          Rejected: <code>{n.rejection.code}</code>
                          {reason ? ` — ${reason.meaning}` : ''}
                        </p>
                        {reason ? <p>What to do: {reason.remedy}</p> : null}
                        {n.rejection.resubmitBy ? (
                          <p>
                            Resubmit by <Instant at={n.rejection.resubmitBy} zone={order.timeZone} />
                          </p>
                        ) : null}
                      </div>
                    ) : null}
                    {n.cancellation ? (
                      <p>
                        Canceled by {n.cancellation.by}, fee <Money cents={n.cancellation.feeCents} />
                      </p>
                    ) : null}
                    {n.attempt > 1 ? <p>Carrier submission {n.attempt}</p> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Timeline({ orderId, zone, api }: { orderId: string; zone: string; api: PageProps['api'] }) {
  const events = useLoad(
    () => unwrap(api.client.GET('/v1/port-in-orders/{id}/events', { params: { path: { id: orderId } } })),
    [orderId],
  );
  return (
    <section aria-labelledby="timeline-h">
      <h2 id="timeline-h">Timeline</h2>
      <ProblemSummary problem={events.problem} />
      {events.data ? (
        events.data.data.length ? (
          <ol class="timeline">
            {events.data.data.map((e) => (
              <li key={e.seq}>
                <Instant at={e.at} zone={zone} /> — <code>{e.type}</code>
                {e.phoneNumbers.length ? ` (${e.phoneNumbers.join(', ')})` : ''}
                {e.detail ? `: ${e.detail}` : ''}
              </li>
            ))}
          </ol>
        ) : (
          <p>Nothing has happened yet.</p>
        )
      ) : null}
    </section>
  );
}

export function OrderDetails({ api, params, me }: PageProps) {
  const order = useLoad(
    () => unwrap(api.client.GET('/v1/port-in-orders/{id}', { params: { path: { id: params.id } } })),
    [params.id],
  );
  if (order.problem) return <ProblemSummary problem={order.problem} />;
  if (!order.data) return <p role="status">Loading the order…</p>;
  const o = order.data;
  const writer = WRITERS.includes(me.role);
  const submitted = o.status !== 'draft';
  // What the API offers this caller on the order's numbers now (each number's `actions`).
  const offered = (action: NumberAction) => numbersOffering(o, action).length > 0;
  const noChangeOpen =
    writer &&
    submitted &&
    !isClosedOrderStatus(o.status) &&
    !offered('cancel') &&
    !offered('change_port_date');
  const sections = ORDER_SECTIONS.filter((s) => s.roles.includes(me.role));
  return (
    <>
      <section aria-labelledby="summary-h" class="summary">
        <h2 id="summary-h">
          Order <code>{o.id}</code>
        </h2>
        <dl>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={o.status} />
            {o.needsAttention ? <span class="badge tone-warn"> NeedsAttention</span> : null}
          </dd>
          {o.customerReference ? (
            <>
              <dt>Your reference</dt>
              <dd>{o.customerReference}</dd>
            </>
          ) : null}
          <dt>Time zone</dt>
          <dd>{o.timeZone}</dd>
          <dt>Created</dt>
          <dd>
            <Instant at={o.createdAt} zone={o.timeZone} />
          </dd>
          {o.submittedAt ? (
            <>
              <dt>Submitted</dt>
              <dd>
                <Instant at={o.submittedAt} zone={o.timeZone} />
              </dd>
            </>
          ) : null}
          {o.requestedPortDate ? (
            <>
              <dt>Requested port date</dt>
              <dd>
                <CalendarDate date={o.requestedPortDate} />
              </dd>
            </>
          ) : null}
          {o.waitingFor.length ? (
            <>
              <dt>Waiting for</dt>
              <dd>
                {o.waitingFor.map((w) => (
                  <div key={w.what}>
                    {w.what}
                    {w.until ? (
                      <>
                        {' '}
                        until <Instant at={w.until} zone={o.timeZone} />
                      </>
                    ) : null}
                  </div>
                ))}
              </dd>
            </>
          ) : null}
          <dt>Fees charged</dt>
          <dd>
            <Money cents={o.totalFeesCents} />
          </dd>
        </dl>
        {writer ? (
          <p class="actions">
            {o.status === 'draft' ? (
              <a class="button" href={href('/orders/:id/edit', { id: o.id })}>
                Continue this draft
              </a>
            ) : null}
            {o.status === 'draft' || offered('configure') ? (
              <a href={href('/orders/:id/configure', { id: o.id })}>Configure numbers</a>
            ) : null}
          </p>
        ) : null}
      </section>
      <Numbers order={o} />
      {/* Each shows itself on the numbers the API offers it on (and keeps its answer in view after). */}
      {submitted ? <Resubmit order={o} api={api} onDone={order.reload} /> : null}
      {submitted ? <ChangePortDate order={o} api={api} onDone={order.reload} /> : null}
      {submitted ? <CancelOrder order={o} api={api} onDone={order.reload} /> : null}
      {noChangeOpen ? (
        <p class="muted" role="note">
          No cancellation or port-date change is open to you on this order now: inside 72 hours of the port
          only support can make them (fees apply), and an activated number is no longer a port.
        </p>
      ) : null}
      {sections.map((s) => {
        const Section = s.component;
        return <Section key={s.id} order={o} me={me} api={api} reload={order.reload} />;
      })}
      <section aria-labelledby="order-documents-h">
        <h2 id="order-documents-h">Documents</h2>
        <DocumentList api={api} order={o} documents={o.documents} downloadable={writer} />
      </section>
      {/* The thread opens once the order is submitted (the API refuses a draft's). */}
      {submitted ? <Comments order={o} me={me} api={api} /> : null}
      <Timeline key={o.updatedAt} orderId={o.id} zone={o.timeZone} api={api} />
    </>
  );
}
