/** `portctl review <id> approve|reject`: the support decision on an order in review. */
import { Argument, Command, Option } from 'commander';
import { REJECTION_CODES } from '../../domain/rejection-codes';
import { text } from '../args';
import { contextOf, orderPath } from '../context';
import { UsageError } from '../errors';
import { orderNow } from '../format';
import type { OrderView } from '../types';

interface ReviewOptions {
  note?: string;
  reason?: string;
}

export function reviewCommand(parent: Command): void {
  parent
    .command('review')
    .description('approve or reject an order waiting for review')
    .argument('<id>', 'order id (pio_...)')
    .addArgument(new Argument('<decision>', 'approve or reject').choices(['approve', 'reject']))
    .addOption(new Option('--reason <code>', 'rejection code (required to reject)').choices(REJECTION_CODES))
    .option('--note <text>', 'note kept with the decision', text)
    .action(async (id: string, decision: 'approve' | 'reject', opts: ReviewOptions, cmd: Command) => {
      // Checked before any configuration is read: a wrong command line is exit 2 whatever the setup.
      if (decision === 'reject' && !opts.reason) throw new UsageError('reject needs --reason <code>');
      if (decision === 'approve' && opts.reason) throw new UsageError('--reason is only for reject');
      const ctx = contextOf(cmd);
      const body =
        decision === 'approve'
          ? { decision, ...(opts.note ? { note: opts.note } : {}) }
          : { decision, reasonCode: opts.reason, ...(opts.note ? { note: opts.note } : {}) };
      const result = await ctx.api.post<{ review?: string; order?: OrderView }>(
        orderPath(id, '/review'),
        body,
      );
      ctx.result(
        result,
        () =>
          `${id}: review ${result?.review ?? (decision === 'approve' ? 'approved' : 'rejected')}` +
          orderNow(result?.order),
      );
    });
}
