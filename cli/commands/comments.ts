/**
 * `portctl comments <id> [--add <text> [--internal]]`: the order's thread (support sees internal
 * notes too), or a new comment; `portctl loa <id>`: the order's LOA as a PDF file.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { text } from '../args';
import { contextOf, orderPath } from '../context';
import { CliError, UsageError } from '../errors';
import { clean, table } from '../format';

interface Comment {
  seq: number;
  author: string;
  authorName?: string;
  internal: boolean;
  body: string;
  createdAt: string;
}

const renderThread = (comments: Comment[]) =>
  comments.length === 0
    ? 'no comments'
    : table(
        ['#', 'at', 'by', 'comment'],
        comments.map((c) => [
          c.seq,
          c.createdAt,
          `${c.author}${c.authorName ? ` (${c.authorName})` : ''}${c.internal ? ', internal note' : ''}`,
          clean(c.body),
        ]),
      );

export function commentCommands(parent: Command): void {
  parent
    .command('comments')
    .description("the order's comment thread, or --add a comment (--internal: a note customers never see)")
    .argument('<id>', 'order id (pio_...)')
    .option('--add <text>', 'the comment to add', text)
    .option('--internal', 'an internal note: customers never see it and no one is told')
    .action(async (id: string, opts: { add?: string; internal?: boolean }, cmd: Command) => {
      if (opts.internal && !opts.add) throw new UsageError('--internal goes with --add <text>');
      const ctx = contextOf(cmd);
      if (!opts.add) {
        const thread = await ctx.api.get<{ data: Comment[] }>(orderPath(id, '/comments'));
        return ctx.result(thread, () => renderThread(thread.data));
      }
      const added = await ctx.api.post<Comment>(orderPath(id, '/comments'), {
        body: opts.add,
        ...(opts.internal ? { internal: true } : {}),
      });
      ctx.result(added, () => `${id}: ${added.internal ? 'internal note' : 'comment'} ${added.seq} added`);
    });

  parent
    .command('loa')
    .description("the order's letter of authorization, filled in from the order, as a PDF file")
    .argument('<id>', 'order id (pio_...)')
    .option('--output <path>', 'where to write it (default loa-<id>.pdf, here); never overwritten', text)
    .action(async (id: string, opts: { output?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const file = await ctx.api.download(orderPath(id, '/loa'));
      const path = opts.output ?? `loa-${id.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`;
      try {
        await writeFile(path, file.bytes, { flag: 'wx' });
      } catch (err) {
        throw new CliError(
          `cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
        );
      }
      ctx.result(
        { path, bytes: file.bytes.length },
        () => `${id}: LOA written to ${path} (${file.bytes.length} bytes)`,
      );
    });
}
