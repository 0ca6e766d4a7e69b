/**
 * Query parameters of the routes (zod): validated here and documented in the OpenAPI spec from the
 * same schemas. A bad query parameter (or one given twice) is a 400 naming every parameter at fault.
 */
import { z } from 'zod';
import { E164_PATTERN } from '../domain/phone-numbers';
import { ORDER_STATUSES } from '../domain/statuses';
import { createOrderSchema, parseOrThrow } from './schemas';

/** A reference longer than any order can carry matches nothing: refused rather than searched. */
const CUSTOMER_REFERENCE_MAX_LENGTH = createOrderSchema.shape.customerReference.unwrap().maxLength ?? 100;

/**
 * A page size written in digits: `z.coerce.number()` alone would also take `1e1`, `0x10`, ` 5` or
 * `5.0`, which the document (an integer) does not allow.
 */
const limit = (fallback: number, max: number) =>
  z
    .preprocess((v, ctx) => {
      if (typeof v === 'string' && !/^\d+$/.test(v))
        ctx.addIssue({ code: 'custom', message: 'must be a whole number written in digits' });
      else if (Array.isArray(v)) ctx.addIssue({ code: 'custom', message: 'must be given once' });
      return v;
    }, z.coerce.number().int().min(1).max(max))
    .default(fallback)
    .meta({ description: `page size, 1 to ${max} (default ${fallback})` });

/**
 * Cursors are base64url (api/pagination.ts) and short: a few sort values and a fingerprint, sealed.
 * The bound keeps every cursor the API issues, with room to spare (test/unit/api/pagination.test.ts).
 */
export const CURSOR_MAX_LENGTH = 512;
export const CURSOR_PATTERN = /^[A-Za-z0-9_-]+$/;

const page = (fallback: number, max: number) => ({
  cursor: z
    .string()
    .min(1)
    .max(CURSOR_MAX_LENGTH)
    .regex(CURSOR_PATTERN, 'must be a `nextCursor` as the API issued it')
    .optional()
    .meta({ description: 'the `nextCursor` of the previous page (opaque); send the same filters with it' }),
  limit: limit(fallback, max),
});

/** An identifier filter: ids of this API are short, so anything longer cannot match. */
const id = () => z.string().min(1).max(100);
const accountId = id().optional().meta({ description: 'support and ops: one account only' });
const dateTime = (description: string) => z.iso.datetime({ offset: true }).optional().meta({ description });
const date = (description: string) => z.iso.date().optional().meta({ description });

/** Adds an issue on both ends of a range whose start is after its end. */
const ordered =
  <T extends Record<string, unknown>>(from: keyof T & string, to: keyof T & string) =>
  (q: T, ctx: z.RefinementCtx) => {
    const [a, b] = [q[from], q[to]];
    // Dates and RFC 3339 date-times (any offset) both compare as instants.
    if (typeof a === 'string' && typeof b === 'string' && Date.parse(a) > Date.parse(b))
      for (const path of [from, to])
        ctx.addIssue({ code: 'custom', path: [path], message: `${from} must not be after ${to}` });
  };

/** Both FOC bounds: the range is looked up date by date (see focDatesFilter), so it is bounded. */
export const FOC_RANGE_MAX_DAYS = 366;
const DAY_MS = 86_400_000;

export const listOrdersQuerySchema = z
  .object({
    status: z
      .enum(ORDER_STATUSES)
      .optional()
      .meta({ description: 'orders in this status (docs/rules.md §6)' }),
    phoneNumber: z
      .string()
      .regex(E164_PATTERN, 'must be a number in E.164, e.g. +12125550147')
      .optional()
      .meta({ description: 'E.164; orders containing this number' }),
    customerReference: z
      .string()
      .min(1)
      .max(CUSTOMER_REFERENCE_MAX_LENGTH)
      .optional()
      .meta({ description: 'orders with exactly this reference (as given at create)' }),
    accountId,
    createdFrom: dateTime('orders created at or after this instant (RFC 3339 date-time)'),
    createdTo: dateTime('orders created at or before this instant (RFC 3339 date-time)'),
    focDateFrom: date('orders with a number whose FOC date is on or after this date (YYYY-MM-DD)'),
    focDateTo: date('orders with a number whose FOC date is on or before this date (YYYY-MM-DD)'),
    ...page(20, 100),
  })
  .superRefine(ordered('createdFrom', 'createdTo'))
  .superRefine(ordered('focDateFrom', 'focDateTo'))
  .superRefine((q, ctx) => {
    if (
      q.focDateFrom &&
      q.focDateTo &&
      Date.parse(q.focDateTo) - Date.parse(q.focDateFrom) >= FOC_RANGE_MAX_DAYS * DAY_MS
    )
      for (const path of ['focDateFrom', 'focDateTo'])
        ctx.addIssue({
          code: 'custom',
          path: [path],
          message: `an FOC date range spans at most ${FOC_RANGE_MAX_DAYS} days`,
        });
  });
export type ListOrdersQuery = z.infer<typeof listOrdersQuerySchema>;

export const listDeliveriesQuerySchema = z.object({
  orderId: id().optional().meta({ description: 'deliveries of this order only' }),
  accountId,
  ...page(100, 100),
});

export const listActiveNumbersQuerySchema = z.object({ accountId, ...page(100, 500) });

/** DELETE /v1/webhook-endpoint: support names the account (a customer's own is implied). */
export const webhookEndpointQuerySchema = z.object({ accountId });

/** GET /v1/port-in-orders/{id}/cancellation-quote: some of the order's numbers, or all of them. */
export const cancellationQuoteQuerySchema = z.object({
  phoneNumbers: z
    .string()
    .min(1)
    .max(4_000)
    .optional()
    .meta({ description: 'comma-separated E.164 numbers of the order (default: every open number)' }),
});

/**
 * The store filter on an order's FOC dates (`focDates`, one per distinct date of its numbers) for an
 * inclusive range: some single date must lie inside it. With both bounds the dates are listed one by
 * one, because FerretDB's $elemMatch on an array of strings applies each bound to any element (an
 * order with FOC dates before and after the range would match).
 */
export function focDatesFilter(from?: string, to?: string): Record<string, unknown> | undefined {
  if (from && to) {
    const dates: string[] = [];
    for (let t = Date.parse(from); t <= Date.parse(to); t += DAY_MS)
      dates.push(new Date(t).toISOString().slice(0, 10));
    return { $in: dates };
  }
  if (from) return { $gte: from };
  if (to) return { $lte: to };
  return undefined;
}

/** Parses query parameters or throws a 400 listing every problem with its parameter name. */
export function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  return parseOrThrow(schema, query, {
    status: 400,
    code: 'invalid_query',
    title: 'the query parameters have problems; see errors',
    root: '(query)',
  });
}

/** What the order list filters on, as stored. */
export interface ListedOrder {
  accountId: string;
  status: string;
  phoneNumbers?: string[];
  customerReference?: string | null;
  focDates?: string[];
  createdAt?: Date;
}

/**
 * The order list's filters, applied to each order read from the list (store/list-index.ts): the
 * store can only serve `_id`, so filtering happens here, on at most a page's read budget of orders.
 */
export function orderMatches(
  order: ListedOrder,
  q: Omit<ListOrdersQuery, 'cursor' | 'limit'> & { accountId?: string },
): boolean {
  if (q.accountId && order.accountId !== q.accountId) return false;
  if (q.status && order.status !== q.status) return false;
  if (q.phoneNumber && !(order.phoneNumbers ?? []).includes(q.phoneNumber)) return false;
  if (q.customerReference && order.customerReference !== q.customerReference) return false;
  const created = order.createdAt ? new Date(order.createdAt).getTime() : NaN;
  if (q.createdFrom && !(created >= Date.parse(q.createdFrom))) return false;
  if (q.createdTo && !(created <= Date.parse(q.createdTo))) return false;
  // Some single FOC date inside the range (an order with dates before and after it does not match).
  if (q.focDateFrom || q.focDateTo)
    return (order.focDates ?? []).some(
      (d) => (!q.focDateFrom || d >= q.focDateFrom) && (!q.focDateTo || d <= q.focDateTo),
    );
  return true;
}

/**
 * List slots are taken in creation order, give or take the moment between a slot's claim and the
 * item's write (and a clock that differs between API instances): a margin that covers both.
 */
const CREATION_SKEW_MS = 60_000;

/**
 * For a created range, decided on a slot's time before its item is read: slots newer than the
 * range are skipped (a first page starts below them), and the walk stops at the first one older
 * than it (everything below is older).
 */
export function createdWindow(
  from?: string,
  to?: string,
): { byTime?: (at: Date) => 'skip' | 'stop' | undefined; startAtOrBefore?: number } {
  if (!from && !to) return {};
  const lo = from ? Date.parse(from) - CREATION_SKEW_MS : -Infinity;
  const hi = to ? Date.parse(to) + CREATION_SKEW_MS : Infinity;
  return {
    byTime: (at: Date) => (at.getTime() < lo ? 'stop' : at.getTime() > hi ? 'skip' : undefined),
    // A first page starts at the range's end, found by bisecting the slots.
    ...(to ? { startAtOrBefore: hi } : {}),
  };
}
