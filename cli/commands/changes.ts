/**
 * `portctl quote|cancel|port-date`: changes that may charge a fee per number. Each shows the quote
 * first and asks before acting, because the fee depends on how close the port is.
 */
import { Command } from 'commander';
import { isoDate, numberList } from '../args';
import { confirm } from '../confirm';
import { contextOf, orderPath, type Context } from '../context';
import { CliError } from '../errors';
import { money, orderNow, table } from '../format';
import type { ChangeQuote, FeeResult } from '../types';

interface ChangeOptions {
  numbers?: string[];
  yes?: boolean;
}

export function changeCommands(parent: Command): void {
  parent
    .command('quote')
    .description('fee per number for cancelling or changing the port date now')
    .argument('<id>', 'order id (pio_...)')
    .option('--numbers <list>', 'only these numbers, comma-separated (default: all)', numberList)
    .action(async (id: string, opts: ChangeOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const quote = await fetchQuote(ctx, id, opts.numbers);
      ctx.result(quote, () => renderQuote(quote));
    });

  parent
    .command('cancel')
    .description('cancel all or some numbers (shows the fees and asks first)')
    .argument('<id>', 'order id (pio_...)')
    .option('--numbers <list>', 'only these numbers, comma-separated (default: all)', numberList)
    .option('-y, --yes', 'do not ask; required when stdin is not a terminal')
    .action(async (id: string, opts: ChangeOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      await quoteAndConfirm(
        ctx,
        id,
        opts,
        (n, total) => `Cancel ${n} number(s) of ${id} for a total fee of ${total}?`,
      );
      const result = await ctx.api.post<FeeResult>(orderPath(id, '/cancel'), numbersBody(opts));
      ctx.result(
        result,
        () =>
          `Canceled ${result.numbers.length} number(s).\n${renderCharged(result)}${orderNow(result.order)}`,
      );
    });

  parent
    .command('port-date')
    .description('change the port date ("supp"; shows the fees and asks first)')
    .argument('<id>', 'order id (pio_...)')
    .argument('<date>', 'new port date, YYYY-MM-DD', isoDate)
    .option('--numbers <list>', 'only these numbers, comma-separated (default: all)', numberList)
    .option('-y, --yes', 'do not ask; required when stdin is not a terminal')
    .action(async (id: string, date: string, opts: ChangeOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      await quoteAndConfirm(
        ctx,
        id,
        opts,
        (n, total) => `Move ${n} number(s) of ${id} to ${date} for a total fee of ${total}?`,
      );
      const result = await ctx.api.post<FeeResult>(orderPath(id, '/port-date'), {
        portDate: date,
        ...numbersBody(opts),
      });
      ctx.result(
        result,
        () => `New FOC date: ${result.focDate ?? date}\n${renderCharged(result)}${orderNow(result.order)}`,
      );
    });
}

const numbersBody = (opts: ChangeOptions) => (opts.numbers ? { phoneNumbers: opts.numbers } : {});

function fetchQuote(ctx: Context, id: string, numbers?: string[]): Promise<ChangeQuote> {
  return ctx.api.get<ChangeQuote>(orderPath(id, '/cancellation-quote'), { phoneNumbers: numbers?.join(',') });
}

/** Shows the quote, stops if it already says no, then asks (or takes --yes). */
async function quoteAndConfirm(
  ctx: Context,
  id: string,
  opts: ChangeOptions,
  question: (count: number, total: string) => string,
): Promise<void> {
  const quote = await fetchQuote(ctx, id, opts.numbers);
  ctx.note(renderQuote(quote));
  // The workflow would refuse with the same reason; stopping here spares a pointless prompt.
  if (!quote.allowed && quote.numbers.length)
    throw new CliError('the quote says this change is not allowed now');
  await confirm(
    question(quote.numbers.length, money(quote.totalCents)),
    opts.yes,
    'make a change that may charge fees',
  );
}

export function renderQuote(q: ChangeQuote): string {
  const rows = q.numbers.map((n) => [
    n.phoneNumber,
    n.window,
    money(n.feeCents),
    n.hoursUntilPort === undefined ? undefined : Math.round(n.hoursUntilPort),
    n.allowedRoles.join(','),
    n.refusal,
  ]);
  const lines = [
    table(['PHONE NUMBER', 'WINDOW', 'FEE', 'HOURS TO PORT', 'WHO MAY', 'REFUSAL'], rows),
    `Total: ${money(q.totalCents)}`,
  ];
  if (!q.allowed && q.numbers.length) lines.push('Not allowed now for this key; see REFUSAL.');
  return lines.join('\n');
}

function renderCharged(r: FeeResult): string {
  return [
    table(
      ['PHONE NUMBER', 'FEE'],
      r.numbers.map((n) => [n.phoneNumber, money(n.feeCents)]),
    ),
    `Total charged: ${money(r.totalCents)}`,
  ].join('\n');
}
