/** `portctl orders list|show|events`: read-only views of orders. */
import { Command, Option } from 'commander';
import { ORDER_STATUSES } from '../../domain/statuses';
import { pageLimit } from '../args';
import { contextOf, orderPath } from '../context';
import { fields, money, table, when } from '../format';
import type { OrderEvent, OrderPage, OrderView } from '../types';

export function ordersCommand(parent: Command): void {
  const orders = parent.command('orders').description('list and inspect port-in orders');

  orders
    .command('list')
    .description('list orders, newest first')
    .addOption(new Option('--status <status>', 'only orders in this status').choices(ORDER_STATUSES))
    .option('--phone <number>', 'only orders with this phone number (E.164)')
    .option('--account <id>', 'only orders of this account')
    .option('--limit <n>', 'page size, 1-100 (default 20)', pageLimit)
    .option('--cursor <cursor>', 'continue after this page (the "next page" cursor)')
    .action(async (opts: ListOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const page = await ctx.api.get<OrderPage>('/v1/port-in-orders', {
        status: opts.status,
        phoneNumber: opts.phone,
        accountId: opts.account,
        limit: opts.limit,
        cursor: opts.cursor,
      });
      ctx.result(page, () => renderList(page));
    });

  orders
    .command('show')
    .description('one order: numbers, FOC dates, fees, what it is waiting for')
    .argument('<id>', 'order id (pio_...)')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const order = await ctx.api.get<OrderView>(orderPath(id));
      ctx.result(order, () => renderOrder(order));
    });

  orders
    .command('events')
    .description("the order's timeline")
    .argument('<id>', 'order id (pio_...)')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      // The order too: its zone is where a person reads the timeline's instants.
      const [events, order] = await Promise.all([
        ctx.api.get<{ data: OrderEvent[] }>(orderPath(id, '/events')),
        ctx.json ? undefined : ctx.api.get<OrderView>(orderPath(id)),
      ]);
      ctx.result(events, () =>
        events.data.length
          ? table(
              ['SEQ', 'AT', 'TYPE', 'NUMBERS', 'DETAIL'],
              events.data.map((e) => [
                e.seq,
                when(e.at, order?.timeZone),
                e.type,
                (e.phoneNumbers ?? []).join(','),
                e.detail,
              ]),
            )
          : 'no events yet',
      );
    });
}

interface ListOptions {
  status?: string;
  phone?: string;
  account?: string;
  limit?: number;
  cursor?: string;
}

function renderList(page: OrderPage): string {
  if (!page.data.length) return 'no orders';
  const rows = page.data.map((o) => [
    o.id,
    o.status,
    o.needsAttention ? 'yes' : '',
    o.accountId,
    numbersCell(o),
    money(o.totalFeesCents),
    o.customerReference,
  ]);
  const out = table(['ID', 'STATUS', 'ATTENTION', 'ACCOUNT', 'NUMBERS', 'FEES', 'REFERENCE'], rows);
  return page.nextCursor ? `${out}\n\nmore: --cursor ${page.nextCursor}` : out;
}

/**
 * Which numbers an order holds, not just how many: a request split into several drafts (one per
 * losing-carrier account) is told apart by its numbers. Two, then how many more.
 */
function numbersCell(o: OrderView): string {
  const numbers = o.phoneNumbers?.length ? o.phoneNumbers : (o.numbers ?? []).map((n) => n.phoneNumber);
  if (numbers.length <= 2) return numbers.join(',');
  return `${numbers.slice(0, 2).join(',')} +${numbers.length - 2} more`;
}

export function renderOrder(o: OrderView): string {
  const carrier = o.losingCarrier ?? {};
  const parts = [
    fields([
      ['Order', o.id],
      ['Status', o.needsAttention ? `${o.status} (needs attention)` : o.status],
      ['Review', o.review],
      ['Account', o.accountId],
      ['Reference', o.customerReference],
      ['Country', o.timeZone ? `${o.country ?? '-'} (${o.timeZone})` : o.country],
      ['Requested date', o.requestedPortDate],
      ['Losing carrier', carrier.name],
      // Already masked by the API; shown so support can tell which correction a rejection needs.
      ['Account number', carrier.accountNumber],
      ['PIN', carrier.pin],
      ['BTN', carrier.btn],
      ['Submitted', when(o.submittedAt, o.timeZone)],
      ['Updated', when(o.updatedAt, o.timeZone)],
    ]),
  ];
  const waiting = o.waitingFor ?? [];
  parts.push(
    waiting.length
      ? `Waiting for:\n${table(
          ['WHAT', 'UNTIL'],
          waiting.map((w) => [w.what, when(w.until, o.timeZone)]),
        )}`
      : 'Waiting for: nothing',
  );
  // A draft's numbers have no status yet: listed as the draft holds them.
  const numbers: NonNullable<OrderView['numbers']> = o.numbers?.length
    ? o.numbers
    : (o.phoneNumbers ?? []).map((phoneNumber) => ({ phoneNumber, status: 'draft' }));
  parts.push(
    `Numbers:\n${table(
      ['PHONE NUMBER', 'STATUS', 'FOC DATE', 'ACTIVATION', 'NOTE'],
      numbers.map((n) => [
        n.phoneNumber,
        n.status,
        n.focDate,
        when(n.activationAt, o.timeZone),
        numberNote(n, o.timeZone),
      ]),
    )}`,
  );
  const fees = o.fees ?? [];
  if (fees.length)
    parts.push(
      `Fees:\n${table(
        ['PHONE NUMBER', 'FEE', 'REASON', 'AT'],
        fees.map((f) => [f.phoneNumber, money(f.feeCents), f.reason, when(f.at, o.timeZone)]),
      )}`,
    );
  parts.push(`Total fees: ${money(o.totalFeesCents)}`);
  return parts.join('\n\n');
}

function numberNote(n: NonNullable<OrderView['numbers']>[number], timeZone?: string): string {
  if (n.rejection)
    return `rejected: ${n.rejection.code}${n.rejection.resubmitBy ? `, resubmit by ${when(n.rejection.resubmitBy, timeZone)}` : ''}`;
  if (n.cancellation) return `canceled by ${n.cancellation.by}, fee ${money(n.cancellation.feeCents)}`;
  if (n.activated) return 'activated';
  return '';
}
