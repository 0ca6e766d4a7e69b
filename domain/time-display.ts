/**
 * Instants as a person reads them: the wall clock of the order's zone, with the zone named. The API
 * keeps UTC ISO strings (machines compare them); emails and portctl show this instead, so that
 * "2026-12-08T05:00:00.000Z" reads as midnight in New York. One helper for both, so an email and
 * the support CLI never disagree about when something happens.
 *
 * Strings are assembled from Intl parts rather than taken whole, so the wording does not drift with
 * the ICU version bundled in Node (e.g. "March 9, 2026 at 00:00" vs "March 9, 2026, 00:00").
 */

/**
 * `long` (emails): "Monday, March 9, 2026, 00:00 EDT (America/New_York)".
 * `short` (tables, portctl): "Mon 9 Mar 2026, 00:00 EDT (America/New_York)".
 */
export type InstantStyle = 'long' | 'short';

/** An instant as epoch ms, an ISO 8601 string or a Date; undefined for anything that is no instant. */
function epochMs(instant: number | string | Date): number | undefined {
  const ms =
    typeof instant === 'number' ? instant : instant instanceof Date ? instant.getTime() : Date.parse(instant);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The instant on the wall clock of `timeZone` (an IANA name), followed by the zone's abbreviation
 * that day (it tells whether daylight saving applies; zones without one show "GMT+11") and the IANA
 * name itself, which removes the ambiguity of abbreviations. Throws a RangeError for an unknown zone
 * or a value that is no instant.
 */
export function formatInstantInZone(
  instant: number | string | Date,
  timeZone: string,
  style: InstantStyle = 'long',
): string {
  const ms = epochMs(instant);
  if (ms === undefined) throw new RangeError(`not an instant: ${String(instant)}`);
  const long = style === 'long';
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: long ? 'long' : 'short',
    year: 'numeric',
    month: long ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const date = long
    ? `${part('weekday')}, ${part('month')} ${part('day')}, ${part('year')}`
    : `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
  return `${date}, ${part('hour')}:${part('minute')} ${part('timeZoneName')} (${timeZone})`;
}

/**
 * For displays that must not fail on odd data (a CLI table, an inbox page): the instant in the zone
 * when both are valid, the value as it came when it is no instant, and the instant in UTC (named so)
 * when the zone is missing or unknown.
 */
export function displayInstant(
  instant: number | string | Date | undefined | null,
  timeZone: string | undefined,
  style: InstantStyle = 'short',
): string | undefined {
  if (instant === undefined || instant === null || instant === '') return undefined;
  if (epochMs(instant) === undefined) return String(instant);
  if (timeZone) {
    try {
      return formatInstantInZone(instant, timeZone, style);
    } catch {
      // an unknown zone: fall through to UTC, named
    }
  }
  return formatInstantInZone(instant, 'UTC', style);
}
