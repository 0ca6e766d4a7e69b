/**
 * Review and submit: the API's checklist for the draft (`GET …/requirements`, the very assessment
 * submit makes), every unmet requirement at once, per order and per number, then Submit. The
 * console decides nothing: Submit is the API's to accept or refuse.
 */
import { useState } from 'preact/hooks';
import { problemOf, unwrap, type Api, type Order, type Schemas } from '../../api';
import { ProblemSummary } from '../../components/Problems';
import type { Problem } from '../../lib/problems';
import { useLoad } from '../../lib/use-load';

type Requirement = Schemas['Requirement'];

function RequirementItem({ r }: { r: Requirement }) {
  return (
    <li class={`requirement ${r.status}`}>
      <strong>{r.title}</strong>:{' '}
      <span class="req-status">{r.status === 'missing' ? 'missing' : 'invalid'}</span>
      <ul>
        {r.problems.map((p, i) => (
          <li key={i}>
            {p.message} <code>{p.code}</code>
          </li>
        ))}
      </ul>
    </li>
  );
}

export function Review({
  api,
  order,
  onBack,
  onEdit,
}: {
  api: Api;
  order: Order;
  onBack: () => void;
  onEdit: (step: 1 | 2 | 3) => void;
}) {
  const req = useLoad(
    () =>
      unwrap(api.client.GET('/v1/port-in-orders/{id}/requirements', { params: { path: { id: order.id } } })),
    [order.id, order.updatedAt],
  );
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await unwrap(
        api.client.POST('/v1/port-in-orders/{id}/submit', {
          params: { path: { id: order.id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
        }),
      );
      window.location.hash = `#/orders/${encodeURIComponent(order.id)}`;
    } catch (err) {
      setProblem(problemOf(err));
      req.reload();
    } finally {
      setBusy(false);
    }
  };
  const r = req.data;
  const unmetOrder = r ? r.order.filter((x) => x.status !== 'met') : [];
  const unmetNumbers = r ? r.numbers.filter((n) => !n.met) : [];
  const count =
    unmetOrder.length +
    unmetNumbers.reduce((s, n) => s + n.requirements.filter((x) => x.status !== 'met').length, 0);
  return (
    <section aria-labelledby="review-h">
      <h3 id="review-h">What submit needs</h3>
      <ProblemSummary problem={req.problem} />
      {req.loading && !r ? <p role="status">Checking the order…</p> : null}
      {r ? (
        <div role="status" aria-live="polite">
          {count === 0 ? (
            <p class="ok">Every requirement is met: the order can be submitted.</p>
          ) : (
            <p class="not-ok">
              {count} requirement{count === 1 ? '' : 's'} not met yet.
            </p>
          )}
        </div>
      ) : null}
      {unmetOrder.length ? (
        <>
          <h4>The order</h4>
          <ul class="requirements">
            {unmetOrder.map((x) => (
              <RequirementItem key={x.requirement} r={x} />
            ))}
          </ul>
        </>
      ) : null}
      {unmetNumbers.map((n) => (
        <div key={n.index}>
          <h4>{n.phoneNumber ?? `Number ${n.index + 1}`}</h4>
          <ul class="requirements">
            {n.requirements
              .filter((x) => x.status !== 'met')
              .map((x) => (
                <RequirementItem key={x.requirement} r={x} />
              ))}
          </ul>
        </div>
      ))}
      {r?.warnings.length ? (
        <>
          <h4>Warnings (not blocking)</h4>
          <ul class="warnings">
            {r.warnings.map((w, i) => (
              <li key={i}>
                {w.message} <code>{w.code}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ProblemSummary problem={problem} />
      <div class="actions">
        <button type="button" onClick={onBack}>
          Back to documents
        </button>
        <button type="button" onClick={() => onEdit(1)}>
          Edit user details
        </button>
        <button type="button" onClick={() => onEdit(2)}>
          Edit port-in details
        </button>
        <button type="button" class="primary" onClick={() => void submit()} disabled={busy || !r}>
          Submit order
        </button>
      </div>
    </section>
  );
}
