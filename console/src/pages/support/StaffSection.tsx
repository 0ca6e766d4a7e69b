/**
 * Staff's block on any order's details page (issue #13, item 6): the review decision while the
 * order waits for it (support), with its deadline as the API answers it (`reviewDueAt`), and the link to the order's workflow in the Temporal UI (support
 * and ops). Cancellation, port-date change and resubmission are the details page's own actions,
 * which support may take too: the API's quote says what support may do that a customer may not
 * (inside 72 h of the port) and what it costs.
 */
import { unwrap } from '../../api';
import { Instant } from '../../components/Display';
import { ProblemSummary } from '../../components/Problems';
import { href } from '../../lib/route';
import { useLoad } from '../../lib/use-load';
import type { OrderSectionProps } from '../../registry';
import { ReviewDecision } from './ReviewDecision';
import { timeLeft } from './time-left';

function WorkflowLink({ orderId, api }: Pick<OrderSectionProps, 'api'> & { orderId: string }) {
  const workflow = useLoad(
    () => unwrap(api.client.GET('/v1/port-in-orders/{id}/workflow', { params: { path: { id: orderId } } })),
    [orderId],
  );
  if (workflow.problem) return <ProblemSummary problem={workflow.problem} />;
  if (!workflow.data) return null;
  const w = workflow.data;
  return (
    <p>
      Workflow <code>{w.workflowId}</code> (namespace <code>{w.namespace}</code>):{' '}
      {w.temporalUiUrl ? (
        <a href={w.temporalUiUrl} target="_blank" rel="noopener noreferrer">
          Open the workflow in the Temporal UI
        </a>
      ) : (
        'the API knows no Temporal UI address (CODEC_CORS_ORIGINS).'
      )}
    </p>
  );
}

export function StaffSection({ order, me, api, reload }: OrderSectionProps) {
  // The API answers the review's deadline while, and only while, the order waits for its review.
  const reviewDue = order.reviewDueAt;
  return (
    <section aria-labelledby="staff-h" class="action staff">
      <h2 id="staff-h">Staff</h2>
      {order.status !== 'draft' ? (
        <WorkflowLink orderId={order.id} api={api} />
      ) : (
        <p>A draft has no workflow yet.</p>
      )}
      {reviewDue ? (
        <>
          <p>
            Waiting for review
            {order.review === 'escalated' ? ' (escalated: the 24 h promise has passed)' : ''}:{' '}
            <strong>{timeLeft(reviewDue, Date.now()).words}</strong> (due by{' '}
            <Instant at={reviewDue} zone={order.timeZone} />
            ). <a href={href('/review-queue')}>Back to the review queue</a>
          </p>
          {me.role === 'support' ? <ReviewDecision orderId={order.id} api={api} onDecided={reload} /> : null}
        </>
      ) : null}
      {me.role === 'support' && order.status !== 'draft' ? (
        <p class="muted">
          Support may also cancel or change the port date inside 72 hours of the port; the quote above shows
          the fee the API charges for it before anything changes.
        </p>
      ) : null}
    </section>
  );
}
