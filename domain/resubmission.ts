/**
 * Which numbers a resubmission may take (rulebook 5.4): rejected numbers still inside their
 * resubmission window, and numbers held in review after the carrier refused their submission.
 * The workflow's resubmit validator decides with this rule; the API asks it first, against the
 * workflow's status, so a resubmission that will be refused never writes its corrections.
 */
import { isResubmittablePhase, phaseOf } from './lifecycle';
import type { NumberStatus } from './statuses';

export interface ResubmissionCandidate {
  phoneNumber: string;
  status: NumberStatus;
  /** Epoch ms until which a rejected number may be resubmitted; none when it never may. */
  resubmitBy?: number;
  /** The carrier refused the number's last submission (it waits in review for corrections). */
  submissionRefused: boolean;
}

export function isResubmittable(n: Omit<ResubmissionCandidate, 'phoneNumber'>, now: number): boolean {
  const facts = {
    status: n.status,
    rejection: { resubmitBy: n.resubmitBy },
    ...(n.submissionRefused ? { submissionRefusal: { code: 'refused' } } : {}),
  };
  return isResubmittablePhase(phaseOf(facts, now));
}

/** Why a resubmission of `requested` (every resubmittable number when empty) is refused, if it is. */
export function resubmissionRefusal(
  numbers: readonly ResubmissionCandidate[],
  requested: readonly string[] | undefined,
  now: number,
): { code: 'unknown_number' | 'not_resubmittable'; message: string } | undefined {
  const named = requested && requested.length > 0 ? requested : undefined;
  const unknown = (named ?? []).filter((p) => !numbers.some((n) => n.phoneNumber === p));
  if (unknown.length) return { code: 'unknown_number', message: `not in this order: ${unknown.join(', ')}` };
  const targets = named
    ? named.map((p) => numbers.find((n) => n.phoneNumber === p)!)
    : numbers.filter((n) => isResubmittable(n, now));
  if (targets.length > 0 && targets.every((n) => isResubmittable(n, now))) return undefined;
  return {
    code: 'not_resubmittable',
    message:
      'only rejected numbers inside their resubmission window, or numbers held after a carrier refusal, can be resubmitted (unportable numbers never)',
  };
}
