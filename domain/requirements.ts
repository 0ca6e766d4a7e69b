/**
 * The submission requirements as a checklist (rulebook sections 2-5): each requirement, for the
 * order and for each number, met, missing or invalid, with the problems that say why.
 *
 * `assessSubmission` is the one function submit and the checklist both call: the checklist is the
 * submit validation's own problems sorted into requirements, so a requirement is unmet exactly when
 * submit would name a problem for it, and submit refuses exactly when one is unmet.
 */
import { field, list } from './intake/read';
import type { PortInOrderDraft } from './order';
import type { Problem, ProblemCode } from './problems';
import { validateSubmission, type SubmissionContext, type ValidationResult } from './validation';

export type RequirementStatus = 'met' | 'missing' | 'invalid';
export type RequirementScope = 'order' | 'number';

interface RequirementDefinition {
  scope: RequirementScope;
  title: string;
  /** What it takes, and when it applies (the rulebook's wording, shortened). */
  description: string;
  codes: readonly ProblemCode[];
}

/** Every requirement, in the rulebook's order. Each problem code belongs to exactly one. */
export const REQUIREMENTS = {
  plan: {
    scope: 'order',
    title: 'Account plan',
    description: 'Only accounts on the Standard plan may port numbers in.',
    codes: ['plan_not_eligible'],
  },
  country: {
    scope: 'order',
    title: 'Country',
    description:
      'US and Canadian numbers are self-service; Australian orders are submitted by support; other countries cannot be ported.',
    codes: ['country_support_only', 'country_not_portable'],
  },
  number_count: {
    scope: 'order',
    title: 'Numbers in the order',
    description:
      'At least one number; at most 20 for a customer, 100 for support, 1,000 for a support project port on one carrier account.',
    codes: ['no_numbers', 'too_many_numbers', 'project_port_staff_only', 'project_port_multiple_accounts'],
  },
  phone_number: {
    scope: 'number',
    title: 'Phone number',
    description: 'Written in E.164, listed once, and a number of the order’s country.',
    codes: ['invalid_phone_number', 'duplicate_number', 'number_country_mismatch'],
  },
  availability: {
    scope: 'number',
    title: 'Not already ours or in another order',
    description: 'Not active on our platform, and not held by another open port-in order.',
    codes: ['number_already_active', 'number_in_open_order'],
  },
  portability: {
    scope: 'number',
    title: 'Portable at the losing carrier',
    description: 'The carrier’s look-up does not report the number as not portable.',
    codes: ['number_not_portable'],
  },
  authorized_person: {
    scope: 'order',
    title: 'Authorized person or business',
    description:
      'The authorized person’s first and last name, or the business name, as the carrier has them.',
    codes: ['authorized_name_missing'],
  },
  service_address: {
    scope: 'order',
    title: 'Service address',
    description:
      'Street, city, state/province/territory and postal code of the order’s country; never a post office box.',
    codes: [
      'service_address_incomplete',
      'po_box_not_allowed',
      'invalid_region',
      'invalid_postal_code',
      'service_address_country_mismatch',
    ],
  },
  time_zone: {
    scope: 'order',
    title: 'Time zone override',
    description: 'Optional: when given, an IANA zone such as America/Chicago.',
    codes: ['invalid_time_zone'],
  },
  notification_email: {
    scope: 'order',
    title: 'Notification email',
    description: 'A valid email address: every customer email about the port goes there.',
    codes: ['invalid_notification_email'],
  },
  account_number: {
    scope: 'order',
    title: 'Losing-carrier account number',
    description: 'Required unless the carrier uses none (usesAccountNumber: false).',
    codes: ['account_number_missing'],
  },
  pin: {
    scope: 'order',
    title: 'Port PIN',
    description: 'Required as soon as one number is wireless according to the carrier’s look-up.',
    codes: ['pin_required'],
  },
  btn: {
    scope: 'order',
    title: 'Billing telephone number (BTN)',
    description: 'Optional: when given, an E.164 number of the order’s country.',
    codes: ['invalid_btn_format'],
  },
  documents: {
    scope: 'order',
    title: 'Documents readable',
    description: 'Every document has a known kind and names only numbers of this order.',
    codes: ['invalid_document', 'document_number_not_in_order'],
  },
  loa: {
    scope: 'number',
    title: 'Letter of authorization (LOA)',
    description:
      'An LOA covers the number: the standard template for local numbers, the toll-free template for toll-free ones.',
    codes: ['loa_missing'],
  },
  loa_documents: {
    scope: 'order',
    title: 'LOA template and signer',
    description:
      'Each LOA is on the template its numbers need, and signed by the authorized person (not checked when only a business is named).',
    codes: ['loa_wrong_template', 'loa_signer_mismatch'],
  },
  toll_free_subscriber: {
    scope: 'order',
    title: 'Toll-free subscriber',
    description:
      'Toll-free numbers are ported only at the toll-free subscriber’s request (requesterIsTollFreeSubscriber).',
    codes: ['toll_free_subscriber_required'],
  },
  proof_of_ownership: {
    scope: 'number',
    title: 'Proof of ownership',
    description:
      'A CSR, or a bill issued in the last 30 days, or for VoIP numbers a screenshot of the account page.',
    codes: ['proof_of_ownership_missing'],
  },
  bill_dates: {
    scope: 'order',
    title: 'Bill issue dates',
    description:
      'Each bill carries the date printed on it (not in the future); older than 30 days it does not count.',
    codes: ['bill_date_missing', 'bill_date_invalid', 'bill_too_old'],
  },
  requested_port_date: {
    scope: 'order',
    title: 'Requested port date',
    description: 'Optional: when given, a business day of the order’s country after today.',
    codes: ['invalid_port_date', 'port_date_not_business_day', 'port_date_not_in_future'],
  },
  capabilities: {
    scope: 'order',
    title: 'Capabilities',
    description: 'voice or voice+sms (SMS alone is hosted messaging, not a port).',
    codes: ['sms_only_not_portable', 'invalid_capabilities'],
  },
  cnam: {
    scope: 'order',
    title: 'Caller ID name (CNAM)',
    description: "Optional: at most 15 characters, letters, digits, spaces and . , ' - & !",
    codes: ['invalid_cnam'],
  },
  application: {
    scope: 'order',
    title: 'Application',
    description: 'Optional: { type: xml_app or phlo, id }.',
    codes: ['invalid_application'],
  },
  submission_context: {
    scope: 'order',
    title: 'Service context',
    description: 'The service could tell today’s date in the order’s zone (a server-side condition).',
    codes: ['invalid_submission_context'],
  },
} as const satisfies Record<string, RequirementDefinition>;

export type RequirementId = keyof typeof REQUIREMENTS;
export const REQUIREMENT_IDS = Object.keys(REQUIREMENTS) as RequirementId[];

/** The requirement a problem code belongs to. */
export const REQUIREMENT_OF_CODE: ReadonlyMap<ProblemCode, RequirementId> = new Map(
  REQUIREMENT_IDS.flatMap((id) => REQUIREMENTS[id].codes.map((code) => [code, id] as const)),
);

/** Codes meaning something is absent (give it); every other code means what was given is wrong (fix it). */
const MISSING_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'no_numbers',
  'authorized_name_missing',
  'service_address_incomplete',
  'account_number_missing',
  'pin_required',
  'loa_missing',
  'proof_of_ownership_missing',
  'bill_date_missing',
  'toll_free_subscriber_required',
]);

export interface RequirementResult {
  requirement: RequirementId;
  title: string;
  description: string;
  /** missing when one of its problems is an absence, else invalid; met without problems. */
  status: RequirementStatus;
  /** Why it is not met: exactly the problems submit names for it. */
  problems: Problem[];
}

export interface NumberRequirements {
  /** Position in the order's numbers (a duplicate has its own entry). */
  index: number;
  phoneNumber: string | undefined;
  met: boolean;
  requirements: RequirementResult[];
}

export interface SubmissionAssessment extends ValidationResult {
  /** Nothing blocks the submission (warnings allowed). */
  submittable: boolean;
  order: RequirementResult[];
  numbers: NumberRequirements[];
}

const NUMBER_FIELD = /^numbers\[(\d+)\]/;

function result(id: RequirementId, problems: Problem[]): RequirementResult {
  const { title, description } = REQUIREMENTS[id];
  const status: RequirementStatus =
    problems.length === 0 ? 'met' : problems.some((p) => MISSING_CODES.has(p.code)) ? 'missing' : 'invalid';
  return { requirement: id, title, description, status, problems };
}

/**
 * Validates the draft for submission and sorts the problems into the checklist. A problem that names
 * a number's position goes to that number's requirement; a number-scoped problem that names none
 * (which no rule writes today) is kept on the order, so no problem can ever drop out of the list.
 */
export function assessSubmission(draft: PortInOrderDraft, ctx: SubmissionContext): SubmissionAssessment {
  const validation = validateSubmission(draft, ctx);
  const numberList = list(field(draft, 'numbers'));
  const orderProblems = new Map<RequirementId, Problem[]>();
  const numberProblems = numberList.map(() => new Map<RequirementId, Problem[]>());
  const add = (into: Map<RequirementId, Problem[]>, id: RequirementId, p: Problem) =>
    into.set(id, [...(into.get(id) ?? []), p]);
  for (const p of validation.problems) {
    const id = REQUIREMENT_OF_CODE.get(p.code) ?? 'submission_context';
    const index = NUMBER_FIELD.exec(p.field)?.[1];
    const perNumber = REQUIREMENTS[id].scope === 'number' && index !== undefined;
    add(perNumber ? (numberProblems[Number(index)] ?? orderProblems) : orderProblems, id, p);
  }
  const ids = (scope: RequirementScope) => REQUIREMENT_IDS.filter((id) => REQUIREMENTS[id].scope === scope);
  const order = ids('order').map((id) => result(id, orderProblems.get(id) ?? []));
  // A number-scoped problem kept on the order (no position) is shown there too.
  for (const id of ids('number'))
    if (orderProblems.has(id)) order.push(result(id, orderProblems.get(id) ?? []));
  const numbers = numberList.map((raw, index): NumberRequirements => {
    const phoneNumber = field(raw, 'phoneNumber');
    const requirements = ids('number').map((id) => result(id, numberProblems[index].get(id) ?? []));
    return {
      index,
      phoneNumber: typeof phoneNumber === 'string' ? phoneNumber : undefined,
      met: requirements.every((r) => r.status === 'met'),
      requirements,
    };
  });
  return { ...validation, submittable: validation.problems.length === 0, order, numbers };
}
