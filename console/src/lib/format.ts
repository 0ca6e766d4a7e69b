/**
 * How the console writes what the API answers: money, instants in the order's zone, dates and the
 * statuses in words. Pure (no DOM), unit-tested in test/unit/console. Nothing here decides a rule:
 * statuses, fees and windows are the API's, shown as answered.
 */
import { displayInstant } from '../../../domain/time-display';
import type { NumberStatus, OrderStatus } from '../../../domain/statuses';
import { REJECTION_REASONS, type RejectionReason } from '../../../domain/rejection-codes';

export { NUMBER_STATUSES, ORDER_STATUSES } from '../../../domain/statuses';
export type { NumberStatus, OrderStatus };

/** USD cents as a person reads them: 1300 → "$13.00", 0 → "$0.00". */
export function formatMoney(cents: number, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}

/**
 * An instant on the order's wall clock with the zone named ("Tue 8 Dec 2026, 00:00 EST
 * (America/New_York)"), exactly as emails and portctl write it (domain/time-display.ts).
 */
export function formatInstant(instant: string | undefined | null, timeZone: string | undefined): string {
  return displayInstant(instant, timeZone, 'short') ?? '—';
}

/** A calendar date (YYYY-MM-DD, e.g. an FOC date) with its weekday: "Tue 8 Dec 2026". Zone-free. */
export function formatDate(date: string | undefined | null): string {
  if (!date) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const utcNoon = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).formatToParts(new Date(utcNoon));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/** Each status of the rulebook (docs/rules.md §6) in words; the exact name is shown beside it. */
export const STATUS_WORDS: Record<NumberStatus | OrderStatus, string> = {
  draft: 'Draft: not submitted yet',
  in_review: 'In review with us',
  in_progress: 'In progress',
  submitted_to_carrier: 'Submitted to the losing carrier, waiting for its answer',
  accepted: 'Accepted by the carrier: FOC date granted',
  ported_sms_inactive: 'Ported; SMS not working yet (retesting)',
  ported_voice_inactive: 'Ported; voice not working yet (retesting)',
  ported_sms_voice_inactive: 'Ported; voice and SMS not working yet (retesting)',
  rejected: 'Rejected',
  canceled: 'Canceled',
  completed: 'Completed: ported and working',
};

/** The badge's tone: a colour hint only, the words carry the meaning. */
export function statusTone(status: string): 'neutral' | 'progress' | 'good' | 'bad' | 'warn' {
  if (status === 'completed') return 'good';
  if (status === 'rejected' || status === 'canceled') return 'bad';
  if (status.startsWith('ported_')) return 'warn';
  if (status === 'draft') return 'neutral';
  return 'progress';
}

/** What a carrier rejection code means and what the customer does about it (domain/rejection-codes.ts). */
export function rejectionReason(code: string): RejectionReason | undefined {
  return (REJECTION_REASONS as Record<string, RejectionReason | undefined>)[code];
}

/** The change windows of the fee schedule (docs/rules.md §12), in words. */
export const WINDOW_WORDS: Record<string, string> = {
  not_submitted: 'not yet at the carrier',
  submitted_no_foc: 'at the carrier, no FOC date yet',
  foc_72h_or_more: '72 hours or more before the port',
  foc_48h_to_72h: '48 to 72 hours before the port',
  foc_24h_to_48h: '24 to 48 hours before the port',
  foc_under_24h: 'less than 24 hours before the port',
  rejected: 'rejected, resubmission window open',
  closed: 'can no longer change',
};
