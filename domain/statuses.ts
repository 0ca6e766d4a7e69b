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
