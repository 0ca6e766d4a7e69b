/**
 * One-time charges a port carries (rulebook section 2): US and Canadian ports are free for Standard
 * accounts; a number ported from any other country carries a one-time charge (quoted by support),
 * and a port the customer asks the carrier to make outside business hours carries an extra fee.
 * Both are per number, in USD cents like the cancellation fees (domain/fees.ts), and are charged
 * once, when the number is ported: an order canceled or rejected before its port costs nothing here.
 */
import { SUPPORT_ROUTE } from './intake/eligibility';
import { SELF_SERVICE_COUNTRIES } from './order';

export type PortingChargeKind = 'international_port' | 'after_hours_port';
export const PORTING_CHARGE_KINDS: readonly PortingChargeKind[] = ['international_port', 'after_hours_port'];

/** The configurable amounts; part of the order's policy, fixed at submit. */
export interface PortingChargeSchedule {
  currency: 'USD';
  /** Per number ported from a country outside the US and Canada, by the order's country. */
  internationalCentsByCountry: Partial<Record<string, number>>;
  /** Per number, for a country outside the US and Canada the schedule does not list. */
  internationalDefaultCents: number;
  /** Per number, when the customer asked for the port outside business hours (`afterHoursPort`). */
  afterHoursCents: number;
}

/**
 * Defaults, not prices the rulebook gives: the help centre says only that a charge applies (support
 * quotes it) and that after-hours ports cost extra. Operators set their own in the order policy.
 */
export const DEFAULT_PORTING_CHARGE_SCHEDULE: PortingChargeSchedule = {
  currency: 'USD',
  internationalCentsByCountry: { AU: 25_00 },
  internationalDefaultCents: 25_00,
  afterHoursCents: 50_00,
};

/** Countries whose ports carry no one-time charge (rulebook section 2: US and CA are free). */
export const FREE_PORT_COUNTRIES: readonly string[] = SELF_SERVICE_COUNTRIES;

/** What of an order decides its porting charges. */
export interface PortingChargeOrder {
  country: string;
  phoneNumbers: readonly string[];
  /** The customer asked the carrier to port outside business hours. */
  afterHoursPort?: boolean;
  /** The one-time charge per number support quoted for a port outside the US and Canada. */
  quotedPortingChargeCents?: number;
}

export interface PortingChargeLine {
  phoneNumber: string;
  kind: PortingChargeKind;
  feeCents: number;
}

export const isInternationalPort = (country: string): boolean => !FREE_PORT_COUNTRIES.includes(country);

/** The international charge per number: support's quote, else the schedule's amount for the country. */
export function internationalChargeCents(
  order: Pick<PortingChargeOrder, 'country' | 'quotedPortingChargeCents'>,
  schedule: PortingChargeSchedule = DEFAULT_PORTING_CHARGE_SCHEDULE,
): number {
  if (!isInternationalPort(order.country)) return 0;
  return (
    order.quotedPortingChargeCents ??
    schedule.internationalCentsByCountry[order.country] ??
    schedule.internationalDefaultCents
  );
}

/**
 * The charge lines an order carries, per number and kind (international first): what the order shows
 * before submit, and what the workflow records when each number is ported. A zero amount is no line.
 */
export function portingCharges(
  order: PortingChargeOrder,
  schedule: PortingChargeSchedule = DEFAULT_PORTING_CHARGE_SCHEDULE,
): PortingChargeLine[] {
  const perNumber: { kind: PortingChargeKind; feeCents: number }[] = [
    { kind: 'international_port' as const, feeCents: internationalChargeCents(order, schedule) },
    { kind: 'after_hours_port' as const, feeCents: order.afterHoursPort ? schedule.afterHoursCents : 0 },
  ].filter((c) => c.feeCents > 0);
  return order.phoneNumbers.flatMap((phoneNumber) => perNumber.map((c) => ({ phoneNumber, ...c })));
}

export type PortingChargeProblemCode = 'porting_charge_staff_only' | 'porting_charge_not_applicable';
export interface PortingChargeProblem {
  code: PortingChargeProblemCode;
  field: 'quotedPortingChargeCents';
  message: string;
}

/**
 * Who may set the quoted charge, and where it applies (at create and edit of a draft): support quotes
 * it (rulebook section 2), and only ports outside the US and Canada carry one.
 */
export function quotedChargeProblems(
  order: { country: string; quotedPortingChargeCents?: unknown },
  actorRole: string,
): PortingChargeProblem[] {
  if (order.quotedPortingChargeCents === undefined) return [];
  const field = 'quotedPortingChargeCents';
  if (actorRole !== 'support')
    return [
      {
        code: 'porting_charge_staff_only',
        field,
        message: `The one-time charge for a port outside the US and Canada is quoted by our support team: remove quotedPortingChargeCents, or ask support through ${SUPPORT_ROUTE}.`,
      },
    ];
  if (!isInternationalPort(order.country))
    return [
      {
        code: 'porting_charge_not_applicable',
        field,
        message: `Ports of ${order.country} numbers are free of charge: quotedPortingChargeCents applies only to orders outside the US and Canada.`,
      },
    ];
  return [];
}
