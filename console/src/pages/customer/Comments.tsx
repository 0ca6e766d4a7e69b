/**
 * The order's comment thread (issue #14): the customer and support write to each other on a
 * submitted order, and support keeps internal notes the customer never sees. Who may write what is
 * the API's rule (domain/comments.ts, asked here only to leave out a control the API would refuse);
 * the API lists only what the caller may read and refuses a comment on a finished order.
 */
import { useState } from 'preact/hooks';
import { unwrap, type Api, type Me, type Order } from '../../api';
import { TextAreaField } from '../../components/Field';
import { Instant } from '../../components/Display';
import { ProblemSummary } from '../../components/Problems';
import { useAction } from '../../lib/use-action';
import { useLoad } from '../../lib/use-load';
import { commentRefusal } from '../../../../domain/comments';

export function Comments({ order, me, api }: { order: Order; me: Me; api: Api }) {
  const thread = useLoad(
    () => unwrap(api.client.GET('/v1/port-in-orders/{id}/comments', { params: { path: { id: order.id } } })),
    [order.id],
  );
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const action = useAction();
  const { problem, busy } = action;
  const [said, setSaid] = useState<string | null>(null);
  const mayWrite = commentRefusal(me.role, false) === undefined;
  const mayNote = commentRefusal(me.role, true) === undefined;
  const post = (e: Event) => {
    e.preventDefault();
    setSaid(null);
    return action.run(async () => {
      await unwrap(
        api.client.POST('/v1/port-in-orders/{id}/comments', {
          params: { path: { id: order.id } },
          body: { body, ...(internal ? { internal: true } : {}) },
        }),
      );
      setSaid(internal ? 'Internal note saved (staff only).' : 'Comment posted: the other side is told.');
      setBody('');
      setInternal(false);
      thread.reload();
    });
  };
  const comments = thread.data?.data ?? [];
  return (
    <section aria-labelledby="comments-h">
      <h2 id="comments-h">Comments</h2>
      <ProblemSummary problem={thread.problem} />
      {comments.length ? (
        <ol class="comments" aria-label="Comment thread">
          {comments.map((c) => (
            <li key={c.id} class={c.internal ? 'internal' : undefined}>
              <p class="comment-meta">
                <strong>{c.author === 'customer' ? 'Customer' : 'Support'}</strong>
                {c.authorName ? ` (${c.authorName})` : ''}, <Instant at={c.createdAt} zone={order.timeZone} />
                {c.internal ? (
                  <>
                    {' '}
                    <span class="badge tone-warn">internal note</span>
                  </>
                ) : null}
              </p>
              <p class="comment-body">{c.body}</p>
            </li>
          ))}
        </ol>
      ) : thread.data ? (
        <p>No comments yet.</p>
      ) : null}
      {mayWrite ? (
        <form onSubmit={(e) => void post(e)} noValidate>
          <TextAreaField
            name="body"
            label="Your comment"
            value={body}
            onValue={setBody}
            problems={problem?.errors}
            rows={3}
          />
          {mayNote ? (
            <label class="check">
              <input
                type="checkbox"
                checked={internal}
                onChange={(e) => setInternal(e.currentTarget.checked)}
              />{' '}
              Internal note (staff only: the customer never sees it, no one is told)
            </label>
          ) : null}
          <ProblemSummary problem={problem} claimed={['body']} />
          <button type="submit" disabled={busy || !body.trim()}>
            {internal ? 'Save internal note' : 'Post comment'}
          </button>
        </form>
      ) : null}
      <p role="status">{said}</p>
    </section>
  );
}
