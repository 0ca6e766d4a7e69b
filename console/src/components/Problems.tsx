/**
 * The API's refusal of a whole request: its title and every problem no form control shows. A live
 * region (role="alert"), so the answer is announced when it arrives.
 */
import { unclaimed, type Problem } from '../lib/problems';

export function ProblemSummary(props: { problem?: Problem | null; claimed?: readonly string[] }) {
  const p = props.problem;
  const rest = p ? unclaimed(p.errors, props.claimed ?? []) : [];
  return (
    <div class="problem-summary" role="alert">
      {p ? (
        <>
          <p class="problem-title">
            {p.title}
            {p.detail && p.detail !== p.title ? `: ${p.detail}` : ''} <code>{p.code}</code>
          </p>
          {rest.length ? (
            <ul>
              {rest.map((e, i) => (
                <li key={i}>
                  {e.message} {e.field ? <code>{e.field}</code> : null}
                </li>
              ))}
            </ul>
          ) : null}
          {p.errors.length > rest.length ? <p>See the fields marked below.</p> : null}
        </>
      ) : null}
    </div>
  );
}
