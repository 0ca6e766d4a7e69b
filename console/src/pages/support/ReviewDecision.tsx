/**
 * Support's decision on an order waiting for review: approve (the order goes to the losing
 * carrier), or reject with a reason code of the rulebook (docs/rules.md §8; the customer gets its
 * meaning and remedy). The API decides whether the decision stands (`POST …/review`): a second
 * decision is its `409 wrong_state`, shown here as it answers.
 */
import { useState } from 'preact/hooks';
import { unwrap, type Api } from '../../api';
import { ProblemSummary } from '../../components/Problems';
import { rejectionReason } from '../../lib/format';
import { messagesFor } from '../../lib/problems';
import { useAction } from '../../lib/use-action';
import { REJECTION_CODES, type RejectionCode } from '../../../../domain/rejection-codes';

/** One key per decision: a double click or a retry is answered once (api/idempotency.ts). */
const idempotencyKey = () => ({ 'Idempotency-Key': crypto.randomUUID() });

export function ReviewDecision(props: { orderId: string; api: Api; onDecided?: () => void }) {
  const { orderId, api } = props;
  const [reason, setReason] = useState<RejectionCode | ''>('');
  const [decided, setDecided] = useState<string | null>(null);
  const { run, problem, busy } = useAction();
  const selectId = `reason-${orderId}`;
  const decide = (body: { decision: 'approve' } | { decision: 'reject'; reasonCode: RejectionCode }) =>
    run(async () => {
      await unwrap(
        api.client.POST('/v1/port-in-orders/{id}/review', {
          params: { path: { id: orderId }, header: idempotencyKey() },
          body,
        }),
      );
      setDecided(
        body.decision === 'approve'
          ? `Approved order ${orderId}: it goes to the losing carrier.`
          : `Rejected order ${orderId} (${body.reasonCode}); the customer is told the remedy.`,
      );
      props.onDecided?.();
    });
  const reasonMessages = messagesFor(problem?.errors ?? [], 'reasonCode');
  const chosen = reason ? rejectionReason(reason) : undefined;
  return (
    <div class="review-decision">
      {decided ? null : (
        <>
          <button
            type="button"
            class="primary"
            disabled={busy}
            onClick={() => void decide({ decision: 'approve' })}
          >
            Approve<span class="visually-hidden"> order {orderId}</span>
          </button>
          <div class={reasonMessages.length ? 'field field-invalid' : 'field'}>
            <label for={selectId}>
              Rejection reason<span class="visually-hidden"> for order {orderId}</span>
            </label>
            <select
              id={selectId}
              name="reasonCode"
              value={reason}
              aria-invalid={reasonMessages.length > 0}
              aria-describedby={`${selectId}-meaning ${selectId}-error`}
              onChange={(e) => setReason(e.currentTarget.value as RejectionCode | '')}
            >
              <option value="">Choose a reason to reject</option>
              {REJECTION_CODES.map((code) => (
                <option key={code} value={code}>
                  {code}
                  {rejectionReason(code)?.resubmittable === false ? ' (final: no resubmission)' : ''}
                </option>
              ))}
            </select>
            <p class="field-hint" id={`${selectId}-meaning`}>
              {chosen ? `${chosen.meaning} The customer is told: ${chosen.remedy}` : ''}
            </p>
            <div class="field-error" id={`${selectId}-error`} aria-live="polite">
              {reasonMessages.map((m) => (
                <p key={m}>{m}</p>
              ))}
            </div>
          </div>
          <button
            type="button"
            class="danger"
            disabled={busy || !reason}
            onClick={() => reason && void decide({ decision: 'reject', reasonCode: reason })}
          >
            Reject<span class="visually-hidden"> order {orderId}</span>
          </button>
        </>
      )}
      <ProblemSummary problem={problem} claimed={['reasonCode']} />
      <p role="status">{decided}</p>
    </div>
  );
}
