/**
 * Intake validation: everything an order must satisfy before it can be submitted (rulebook sections
 * 2 and 3). Every unmet requirement is reported at once, never only the first, and no input makes
 * it throw: the API turns the result into one error listing all problems.
 */
import { isValidIsoDate, type IsoDate } from './calendar';
import { compareWithCsr } from './csr-comparison';
import { checkCarrierAccount } from './intake/carrier-account';
import { checkApplication, checkCapabilities, checkCnam, checkPortDate } from './intake/configuration';
import { checkDocuments } from './intake/documents';
import { checkCountry, checkNumberCount, checkPlan, checkProjectPortAccount } from './intake/eligibility';
import {
  checkDuplicates,
  checkNumberAvailability,
  checkNumberCountry,
  checkNumberFormat,
  checkPortability,
} from './intake/numbers';
import {
  checkAuthorizedPerson,
  checkNotificationEmail,
  checkServiceAddress,
  checkTimeZone,
} from './intake/owner';
import { field, isPortCountry, numberKeys, readLookups, readNumbers } from './intake/read';
import { describeNumber, numberPath, problem, type IntakeRule, type IntakeView } from './intake/view';
import type { AccountPlan, NumberLookup, PortInOrderDraft } from './order';
import type { Problem, Warning } from './problems';

// The CSR comparison and the code lists belong to this API; they live in their own modules.
export { compareWithCsr } from './csr-comparison';
export {
  PROBLEM_CODES,
  WARNING_CODES,
  type Problem,
  type ProblemCode,
  type Warning,
  type WarningCode,
} from './problems';

export interface SubmissionContext {
  actorRole: 'customer' | 'support';
  accountPlan: AccountPlan;
  /** Today's date in the order's zone (workflow or request time; never read from the clock here). */
  today: IsoDate;
  /** The carrier's LNP answers, one per number. */
  lookups: NumberLookup[];
  /** Numbers already active on our platform. */
  activeNumbers: string[];
  /** Numbers held by the account's other open (not terminal) orders. */
  numbersInOtherOpenOrders: string[];
}

export interface ValidationResult {
  /** Blocking: the order cannot be submitted while any remains. */
  problems: Problem[];
  /** Not blocking, but the losing carrier will probably reject the port. */
  warnings: Warning[];
}

/** In the order problems are listed: the order of the rulebook, so messages read top to bottom. */
const RULES: readonly IntakeRule[] = [
  checkPlan,
  checkCountry,
  checkNumberCount,
  checkProjectPortAccount,
  checkNumberFormat,
  checkDuplicates,
  checkNumberCountry,
  checkNumberAvailability,
  checkPortability,
  checkAuthorizedPerson,
  checkServiceAddress,
  checkTimeZone,
  checkNotificationEmail,
  checkCarrierAccount,
  checkDocuments,
  checkPortDate,
  checkCapabilities,
  checkCnam,
  checkApplication,
];

export function validateSubmission(draft: PortInOrderDraft, ctx: SubmissionContext): ValidationResult {
  const view = readView(draft, ctx);
  const problems = RULES.flatMap((rule) => rule(view));
  if (view.today === undefined) {
    problems.push(
      problem(
        'invalid_submission_context',
        'today',
        'The server could not tell today’s date: try again later.',
      ),
    );
  }
  return { problems, warnings: [...compareWithCsr(draft), ...lookupWarnings(view)] };
}

/**
 * The problems submit would name on some fields of `draft` (paths at or under one of `fields`), for
 * a write that must not store what submit refuses: a submitted order's configuration or a
 * resubmission's corrections (no submit judges them again), a draft's configuration. The same rules
 * as submit, on the draft as it would be stored; those about the caller, the plan and the day are
 * not asked (their problems are on other fields).
 */
export function problemsOfFields(draft: unknown, fields: readonly string[]): Problem[] {
  const view = readView(draft, {});
  const within = (path: string) =>
    fields.some((f) => path === f || path.startsWith(`${f}.`) || path.startsWith(`${f}[`));
  return RULES.flatMap((rule) => rule(view)).filter((p) => within(p.field));
}

/** True when nothing blocks the submission (warnings allowed). */
export function isSubmittable(draft: PortInOrderDraft, ctx: SubmissionContext): boolean {
  return validateSubmission(draft, ctx).problems.length === 0;
}

function readView(draft: unknown, ctx: unknown): IntakeView {
  const country = field(draft, 'country');
  const lookups = readLookups(field(ctx, 'lookups'));
  const today = field(ctx, 'today');
  return {
    draft,
    country,
    portCountry: isPortCountry(country) ? country : undefined,
    numbers: readNumbers(field(draft, 'numbers'), country, lookups),
    actorRole: field(ctx, 'actorRole') === 'support' ? 'support' : 'customer',
    accountPlan: field(ctx, 'accountPlan'),
    today: isValidIsoDate(today) ? today : undefined,
    lookups,
    activeNumbers: numberKeys(field(ctx, 'activeNumbers')),
    numbersInOtherOpenOrders: numberKeys(field(ctx, 'numbersInOtherOpenOrders')),
  };
}

/**
 * Without the carrier's look-up we cannot tell a wireless number (PIN required) or an unportable one:
 * the order may go on to review, but the reviewer should know.
 */
function lookupWarnings(view: IntakeView): Warning[] {
  return view.numbers
    .filter((entry) => entry.valid && entry.lookup === undefined)
    .map((entry) => ({
      code: 'number_lookup_missing',
      field: numberPath(entry),
      message: `The carrier look-up for ${describeNumber(entry)} is missing: its line type and portability are unchecked.`,
    }));
}
