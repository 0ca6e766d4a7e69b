/** The resubmission rule the workflow's validator and the API share (rulebook 5.4). */
import {
  isResubmittable,
  resubmissionRefusal,
  type ResubmissionCandidate,
} from '../../../domain/resubmission';

const NOW = Date.parse('2027-03-01T12:00:00Z');
const rejected = (phoneNumber: string, resubmitBy?: number): ResubmissionCandidate => ({
  phoneNumber,
  status: 'rejected',
  resubmitBy,
  submissionRefused: false,
});

test('rejected inside the window, or held after a carrier refusal, may be resubmitted', () => {
  expect(isResubmittable(rejected('a', NOW + 1), NOW)).toBe(true);
  expect(isResubmittable(rejected('a', NOW), NOW)).toBe(false);
  expect(isResubmittable(rejected('a'), NOW)).toBe(false);
  expect(isResubmittable({ status: 'in_review', submissionRefused: true }, NOW)).toBe(true);
  expect(isResubmittable({ status: 'in_review', submissionRefused: false }, NOW)).toBe(false);
  expect(isResubmittable({ status: 'completed', submissionRefused: true }, NOW)).toBe(false);
});

test('a resubmission is refused when a named number is unknown or not resubmittable, or none is', () => {
  const numbers = [rejected('+1', NOW + 1), { ...rejected('+2'), status: 'in_review' as const }];
  expect(resubmissionRefusal(numbers, undefined, NOW)).toBeUndefined();
  expect(resubmissionRefusal(numbers, ['+1'], NOW)).toBeUndefined();
  expect(resubmissionRefusal(numbers, ['+9'], NOW)?.code).toBe('unknown_number');
  expect(resubmissionRefusal(numbers, ['+1', '+2'], NOW)?.code).toBe('not_resubmittable');
  expect(resubmissionRefusal(numbers, undefined, NOW + 2)?.code).toBe('not_resubmittable');
});
