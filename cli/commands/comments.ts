/**
 * `portctl comments <id> [--add <text> [--internal]]`: the order's thread (support sees internal
 * notes too), or a new comment; `portctl loa <id>`: the order's LOA as a PDF file, or with
 * `--request-signature` a signing link emailed to the authorized person.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { text } from '../args';
import { contextOf, orderPath, orderZone, type Context } from '../context';
import { CliError, UsageError } from '../errors';
import { clean, table, when } from '../format';

interface Comment {
  seq: number;
  author: string;
  authorName?: string;
  internal: boolean;
  body: string;
  createdAt: string;
}

/** The API's answer to a signature request (api/loa-schemas.ts): the link itself is only in the email. */
interface SignatureRequest {
  id: string;
  orderId: string;
  email: string;
  expiresAt: string;
}

const renderThread = (comments: Comment[], timeZone: string | undefined) =>
  comments.length === 0
    ? 'no comments'
    : table(
        ['#', 'at', 'by', 'comment'],
        comments.map((c) => [
          c.seq,
          when(c.createdAt, timeZone),
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
        // The order too: its zone is where a person reads the comments' instants.
        const [thread, timeZone] = await Promise.all([
          ctx.api.get<{ data: Comment[] }>(orderPath(id, '/comments')),
          orderZone(ctx, id),
        ]);
        return ctx.result(thread, () => renderThread(thread.data, timeZone));
      }
      const added = await ctx.api.post<Comment>(orderPath(id, '/comments'), {
        body: opts.add,
        ...(opts.internal ? { internal: true } : {}),
      });
      ctx.result(added, () => `${id}: ${added.internal ? 'internal note' : 'comment'} ${added.seq} added`);
    });

  parent
    .command('loa')
    .description(
      "the order's letter of authorization, filled in from the order, as a PDF file; or --request-signature: email the authorized person a link to sign it online",
    )
    .argument('<id>', 'order id (pio_...)')
    .option('--output <path>', 'where to write it (default loa-<id>.pdf, here); never overwritten', text)
    .option(
      '--request-signature',
      "email a single-use signing link (72 h); the signed PDF becomes the draft's LOA, which submit counts like an upload",
    )
    .option(
      '--email <address>',
      "with --request-signature: where to send it (default: the order's email)",
      text,
    )
    .action(
      async (
        id: string,
        opts: { output?: string; requestSignature?: boolean; email?: string },
        cmd: Command,
      ) => {
        if (opts.email && !opts.requestSignature)
          throw new UsageError('--email goes with --request-signature');
        if (opts.output && opts.requestSignature)
          throw new UsageError('--output writes the PDF; --request-signature emails a link: pick one');
        const ctx = contextOf(cmd);
        if (opts.requestSignature) return requestSignature(ctx, id, opts.email);
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
      },
    );
}

async function requestSignature(ctx: Context, id: string, email?: string): Promise<void> {
  const sent = await ctx.api.post<SignatureRequest>(
    orderPath(id, '/loa/signature-requests'),
    email ? { email } : {},
  );
  // The link is on its way whatever happens next: a failed look-up of the zone only shows UTC (named).
  const timeZone = await orderZone(ctx, id).catch(() => undefined);
  ctx.result(
    sent,
    () =>
      `${id}: a signing link (${clean(sent.id)}) is on its way to ${clean(sent.email)}, valid once until ${when(sent.expiresAt, timeZone)}.\n` +
      'Once signed, the signed PDF is the order’s LOA document (portctl documents <id>).',
  );
}
