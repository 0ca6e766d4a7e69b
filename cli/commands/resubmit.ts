/** `portctl resubmit`: send rejected numbers to the carrier again, with corrected details. */
import { Command } from 'commander';
import { numberList, text } from '../args';
import { contextOf, orderPath } from '../context';
import { orderNow } from '../format';
import type { OrderView } from '../types';

interface ResubmitOptions {
  numbers?: string[];
  pin?: string;
  accountNumber?: string;
  btn?: string;
}

export function resubmitCommand(parent: Command): void {
  parent
    .command('resubmit')
    .description('resubmit rejected numbers, with corrections')
    .argument('<id>', 'order id (pio_...)')
    .option('--numbers <list>', 'only these numbers, comma-separated (default: all rejected)', numberList)
    .option('--pin <pin>', 'corrected losing-carrier PIN', text)
    .option('--account-number <number>', 'corrected losing-carrier account number', text)
    .option('--btn <number>', 'corrected billing telephone number', text)
    .action(async (id: string, opts: ResubmitOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const corrections = {
        ...(opts.accountNumber ? { accountNumber: opts.accountNumber } : {}),
        ...(opts.pin ? { pin: opts.pin } : {}),
        ...(opts.btn ? { btn: opts.btn } : {}),
      };
      const result = await ctx.api.post<{ phoneNumbers?: string[]; attempt?: number; order?: OrderView }>(
        orderPath(id, '/resubmit'),
        { ...(opts.numbers ? { phoneNumbers: opts.numbers } : {}), corrections },
      );
      // Names only: the corrected PIN and account number are secrets and stay off the screen.
      const corrected = Object.keys(corrections).join(', ') || 'none';
      ctx.result(
        result,
        () =>
          `Resubmitted ${(result?.phoneNumbers ?? []).join(', ') || id}` +
          `${result?.attempt !== undefined ? ` (attempt ${result.attempt})` : ''}; corrected: ${corrected}` +
          orderNow(result?.order),
      );
    });
}
