/** Who may port what (rulebook section 2): plan, country, and how many numbers in one request. */
import { SELF_SERVICE_COUNTRIES, SUPPORT_ONLY_COUNTRIES } from '../order';
import type { Problem } from '../problems';
import { field, text } from './read';
import { describeNumber, enumerate, problem, type IntakeRule } from './view';

/** A customer's self-service request (the console's bulk field holds 20 numbers). */
export const CUSTOMER_MAX_NUMBERS = 20;
/** A "normal" port; beyond it the order is a project port, on one losing-carrier account. */
export const NORMAL_PORT_MAX_NUMBERS = 100;

/**
 * Decision: the most numbers one request (and so one order) may carry, a project port included.
 * The rulebook sets no upper bound for project ports; larger moves are split into several orders by
 * support. It bounds the work a single request can cause (look-ups, validation, the stored order).
 */
export const REQUEST_MAX_NUMBERS = 1_000;

/**
 * How many numbers a request may carry at create or edit (rulebook 2, self-service bulk): a
 * customer's at most 20; staff up to 100, or up to REQUEST_MAX_NUMBERS for a project port.
 */
export function numberCountLimit(actorRole: string, projectPort: boolean): number {
  if (actorRole !== 'support') return CUSTOMER_MAX_NUMBERS;
  return projectPort ? REQUEST_MAX_NUMBERS : NORMAL_PORT_MAX_NUMBERS;
}

/** The problem of a request carrying more numbers than its sender may, or undefined. */
export function numberCountProblem(count: number, actorRole: string, projectPort: boolean) {
  const limit = numberCountLimit(actorRole, projectPort);
  if (count <= limit) return undefined;
  const why =
    actorRole !== 'support'
      ? `a self-service request holds at most ${CUSTOMER_MAX_NUMBERS} numbers: split it into several requests, or ask support through ${SUPPORT_ROUTE} for a larger port`
      : projectPort
        ? `an order holds at most ${REQUEST_MAX_NUMBERS} numbers, a project port included: split it`
        : `more than ${NORMAL_PORT_MAX_NUMBERS} numbers is a project port: set projectPort, or split the order`;
  return problem('too_many_numbers', 'phoneNumbers', `This request has ${count} numbers; ${why}.`);
}

/** Where a customer is sent for what the self-service API does not do. */
export const SUPPORT_ROUTE = 'a support ticket (topic "Port-in")';

/** Only Standard accounts may port numbers in (rulebook section 2): the API refuses others at create. */
export function planRefusal(plan: unknown): Problem | undefined {
  if (plan === 'standard') return undefined;
  const shown = typeof plan === 'string' && plan !== '' ? `the ${plan} plan` : 'no plan';
  return problem(
    'plan_not_eligible',
    'accountId',
    `Port-in orders need a Standard account, and this account is on ${shown}: upgrade the account to the Standard plan, then try again.`,
  );
}

/** At submit too, for drafts created before the API refused them at create. */
export const checkPlan: IntakeRule = (v) => {
  const refusal = planRefusal(v.accountPlan);
  return refusal ? [refusal] : [];
};

export const checkCountry: IntakeRule = (v) => {
  const country = v.country;
  if ((SELF_SERVICE_COUNTRIES as readonly unknown[]).includes(country)) return [];
  if ((SUPPORT_ONLY_COUNTRIES as readonly unknown[]).includes(country)) {
    if (v.actorRole === 'support') return [];
    return [
      problem(
        'country_support_only',
        'country',
        `Australian numbers are ported by our support team, not through self-service: open ${SUPPORT_ROUTE} with the numbers, the LOA and a recent bill.`,
      ),
    ];
  }
  const shown = typeof country === 'string' ? `'${country}'` : 'this country';
  return [
    problem(
      'country_not_portable',
      'country',
      `Numbers from ${shown} cannot be ported to us: we port US, Canadian and (through support) Australian numbers. You can rent a new number and forward calls to it instead.`,
    ),
  ];
};

export const checkNumberCount: IntakeRule = (v) => {
  const count = v.numbers.length;
  const projectPort = field(v.draft, 'projectPort') === true;
  const problems: Problem[] = [];
  if (count === 0) {
    problems.push(problem('no_numbers', 'numbers', 'Add at least one phone number to port.'));
  }
  if (v.actorRole === 'customer') {
    if (count > CUSTOMER_MAX_NUMBERS) {
      problems.push(
        problem(
          'too_many_numbers',
          'numbers',
          `A self-service request holds at most ${CUSTOMER_MAX_NUMBERS} numbers (this one has ${count}): split it into several requests, or ask support through ${SUPPORT_ROUTE} for a larger port.`,
        ),
      );
    }
    if (projectPort) {
      problems.push(
        problem(
          'project_port_staff_only',
          'projectPort',
          `Project ports (more than ${NORMAL_PORT_MAX_NUMBERS} numbers on one carrier account) are arranged by support: open ${SUPPORT_ROUTE}, or remove projectPort.`,
        ),
      );
    }
  } else if (count > NORMAL_PORT_MAX_NUMBERS && !projectPort) {
    problems.push(
      problem(
        'too_many_numbers',
        'numbers',
        `An order of more than ${NORMAL_PORT_MAX_NUMBERS} numbers (this one has ${count}) is a project port: set projectPort, with every number on the same losing-carrier account, or split the order.`,
      ),
    );
  }
  return problems;
};

/**
 * A project port moves one carrier account. The order carries one account number / BTN, so what is
 * left to check is that the look-ups place every number at the same carrier; a number whose carrier
 * is unknown cannot be shown to belong to the account.
 */
export const checkProjectPortAccount: IntakeRule = (v) => {
  if (field(v.draft, 'projectPort') !== true || v.actorRole !== 'support' || v.numbers.length === 0)
    return [];
  const carriers = new Map<string, string>();
  const unknown: string[] = [];
  for (const entry of v.numbers) {
    const carrier = text(entry.lookup?.losingCarrier);
    if (carrier === undefined) unknown.push(describeNumber(entry));
    else if (!carriers.has(carrier.toLowerCase())) carriers.set(carrier.toLowerCase(), carrier);
  }
  if (carriers.size <= 1 && unknown.length === 0) return [];
  const parts: string[] = [];
  if (carriers.size > 1) parts.push(`the numbers sit at ${enumerate([...carriers.values()])}`);
  if (unknown.length > 0)
    parts.push(
      `the carrier of ${enumerate(unknown.slice(0, 5))}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''} is unknown`,
    );
  return [
    problem(
      'project_port_multiple_accounts',
      'numbers',
      `A project port must move a single losing-carrier account, but ${parts.join(' and ')}: split the order by carrier account, or confirm the carrier of every number.`,
    ),
  ];
};
