/**
 * The review queue (issue #13, item 5): orders waiting for staff review, oldest submission first,
 * as `GET /v1/review-queue` answers them, each with the time left on the 24 h review promise and
 * the NeedsAttention flag. Support approves or rejects with a reason code of the rulebook (the
 * API's `POST …/review`); ops see the same queue read-only.
 */
import { useEffect, useState } from 'preact/hooks';
import { unwrap, type Schemas } from '../../api';
import { Instant } from '../../components/Display';
import { ProblemSummary } from '../../components/Problems';
import { href } from '../../lib/route';
import { useLoad } from '../../lib/use-load';
import type { PageProps } from '../../registry';
import { ReviewDecision } from './ReviewDecision';
import { timeLeft } from './time-left';
import { Pager } from '../../components/Pager';

type QueueItem = Schemas['ReviewQueueItem'];

const PAGE_SIZE = 25;
/** The queue spans accounts and zones: its instants are shown on the reader's own clock. */
const readerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The clock for "time left", ticking each minute so an open queue stays true. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function QueueEntry(props: { item: QueueItem; now: number } & Pick<PageProps, 'api' | 'me'>) {
  const { item, now } = props;
  const left = timeLeft(item.reviewDueAt, now);
  const headingId = `q-${item.id}`;
  return (
    <li>
      <article class="queue-entry" aria-labelledby={headingId}>
        <h2 id={headingId}>
          <a href={href('/orders/:id', { id: item.id })}>
            Order <code>{item.id}</code>
          </a>
          {item.needsAttention ? <span class="badge tone-warn">NeedsAttention</span> : null}
          {item.review === 'escalated' ? <span class="badge tone-bad">escalated</span> : null}
        </h2>
        <dl>
          <dt>Numbers</dt>
          <dd>{item.phoneNumbers.join(', ')}</dd>
          <dt>Account</dt>
          <dd>
            <code>{item.accountId}</code>
            {item.customerReference ? ` (reference ${item.customerReference})` : ''}
          </dd>
          <dt>Submitted</dt>
          <dd>
            <Instant at={item.submittedAt} zone={readerZone()} />
          </dd>
          <dt>Review due</dt>
          <dd class={left.overdue ? 'overdue' : undefined}>
            <strong>{left.words}</strong> (by <Instant at={item.reviewDueAt} zone={readerZone()} />)
          </dd>
        </dl>
        {props.me.role === 'support' ? <ReviewDecision orderId={item.id} api={props.api} /> : null}
      </article>
    </li>
  );
}

export function ReviewQueue({ api, me }: PageProps) {
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const now = useNow();
  const queue = useLoad(
    () =>
      unwrap(
        api.client.GET('/v1/review-queue', {
          params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [cursor],
  );
  return (
    <>
      <p>
        Orders waiting for a staff decision, oldest first. We promise a decision within 24 hours of
        submission; an order past it is escalated and ops are alerted.
        {me.role === 'ops' ? ' Ops keys read the queue; support decides.' : ''}
      </p>
      <p class="actions">
        <button type="button" onClick={queue.reload} disabled={queue.loading}>
          Refresh the queue
        </button>
      </p>
      <ProblemSummary problem={queue.problem} />
      {queue.data ? (
        queue.data.data.length ? (
          <ol class="queue" aria-label="Orders waiting for review">
            {queue.data.data.map((item) => (
              <QueueEntry key={item.id} item={item} now={now} api={api} me={me} />
            ))}
          </ol>
        ) : (
          <p role="status">No order is waiting for review{cursor ? ' on this page' : ''}.</p>
        )
      ) : queue.loading ? (
        <p role="status">Loading the queue…</p>
      ) : null}
      <Pager
        label="Queue pages"
        cursors={cursors}
        nextCursor={queue.data?.nextCursor}
        onCursors={setCursors}
      />
    </>
  );
}
