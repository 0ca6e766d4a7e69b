/**
 * Status vocabulary of the rulebook (section 4) and the one pure function that derives an
 * order's status from its numbers. The order status is never stored independently of them.
 */
export const NUMBER_STATUSES = [
  'in_review',
  'submitted_to_carrier',
  'accepted',
  'ported_sms_inactive',
  'ported_voice_inactive',
  'ported_sms_voice_inactive',
  'rejected',
  'canceled',
  'completed',
] as const;
export type NumberStatus = (typeof NUMBER_STATUSES)[number];

export const ORDER_STATUSES = [
  'draft',
  'in_review',
  'in_progress',
  'completed',
  'rejected',
  'canceled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const TERMINAL: ReadonlySet<NumberStatus> = new Set(['rejected', 'canceled', 'completed']);

export function isTerminalNumberStatus(status: NumberStatus): boolean {
  return TERMINAL.has(status);
}

/** A number that reached the gaining side (whatever its capability tests say). */
export function isPortedNumberStatus(status: NumberStatus): boolean {
  return status === 'completed' || status.startsWith('ported_');
}

/**
 * Derives the order status from its numbers' statuses (rulebook section 4).
 * An order with no numbers, or that was never submitted, is a `draft`.
 */
export function deriveOrderStatus(numberStatuses: readonly NumberStatus[], submitted = true): OrderStatus {
  if (!submitted || numberStatuses.length === 0) return 'draft';
  if (numberStatuses.every(isTerminalNumberStatus)) {
    if (numberStatuses.some((s) => s === 'completed')) return 'completed';
    if (numberStatuses.every((s) => s === 'rejected')) return 'rejected';
    return 'canceled';
  }
  if (numberStatuses.every((s) => s === 'in_review' || isTerminalNumberStatus(s))) return 'in_review';
  return 'in_progress';
}

/** Order statuses after which nothing more happens to the order (every number terminal). */
export const CLOSED_ORDER_STATUSES: readonly OrderStatus[] = ['completed', 'rejected', 'canceled'];

export const isClosedOrderStatus = (status: string): boolean =>
  (CLOSED_ORDER_STATUSES as readonly string[]).includes(status);

/** A capability a ported number is tested for (rulebook 5.8). */
export type Capability = 'voice' | 'sms';

/** The status of a ported number whose tests found these capabilities failing (never empty). */
export type DegradedStatus = Extract<NumberStatus, `ported_${string}`>;

/**
 * The capabilities a test round found failing. A requested capability works only when the test says
 * so: a number missing from the results was not tested at all, which is no proof that anything works.
 */
export function failingCapabilities(
  result: { voice?: boolean; sms?: boolean } | undefined,
  requested: 'voice' | 'voice+sms',
): Capability[] {
  const voiceOk = result?.voice === true;
  const smsOk = requested === 'voice' || result?.sms === true;
  return [...(!voiceOk ? ['voice' as const] : []), ...(!smsOk ? ['sms' as const] : [])];
}

/** What failing capabilities make of a ported number's status. */
export function degradedStatus(failing: readonly Capability[]): DegradedStatus {
  if (failing.includes('voice') && failing.includes('sms')) return 'ported_sms_voice_inactive';
  return failing.includes('voice') ? 'ported_voice_inactive' : 'ported_sms_inactive';
}
