/** `portctl orders list|show|events`: read-only views of orders. */
import { Command, Option } from 'commander';
import { ORDER_STATUSES } from '../../domain/statuses';
import { pageLimit } from '../args';
import { contextOf, orderPath } from '../context';
import { fields, money, table } from '../format';
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
      const events = await ctx.api.get<{ data: OrderEvent[] }>(orderPath(id, '/events'));
      ctx.result(events, () =>
        events.data.length
          ? table(
              ['SEQ', 'AT', 'TYPE', 'NUMBERS', 'DETAIL'],
              events.data.map((e) => [e.seq, e.at, e.type, (e.phoneNumbers ?? []).join(','), e.detail]),
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
    (o.phoneNumbers ?? o.numbers ?? []).length,
    money(o.totalFeesCents),
    o.customerReference,
  ]);
  const out = table(['ID', 'STATUS', 'ATTENTION', 'ACCOUNT', 'NUMBERS', 'FEES', 'REFERENCE'], rows);
  return page.nextCursor ? `${out}\n\nmore: --cursor ${page.nextCursor}` : out;
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
      ['Submitted', o.submittedAt],
      ['Updated', o.updatedAt],
    ]),
  ];
  const waiting = o.waitingFor ?? [];
  parts.push(
    waiting.length
      ? `Waiting for:\n${table(
          ['WHAT', 'UNTIL'],
          waiting.map((w) => [w.what, w.until]),
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
      numbers.map((n) => [n.phoneNumber, n.status, n.focDate, n.activationAt, numberNote(n)]),
    )}`,
  );
  const fees = o.fees ?? [];
  if (fees.length)
    parts.push(
      `Fees:\n${table(
        ['PHONE NUMBER', 'FEE', 'REASON', 'AT'],
        fees.map((f) => [f.phoneNumber, money(f.feeCents), f.reason, f.at]),
      )}`,
    );
  parts.push(`Total fees: ${money(o.totalFeesCents)}`);
  return parts.join('\n\n');
}

function numberNote(n: NonNullable<OrderView['numbers']>[number]): string {
  if (n.rejection)
    return `rejected: ${n.rejection.code}${n.rejection.resubmitBy ? `, resubmit by ${n.rejection.resubmitBy}` : ''}`;
  if (n.cancellation) return `canceled by ${n.cancellation.by}, fee ${money(n.cancellation.feeCents)}`;
  if (n.activated) return 'activated';
  return '';
}
