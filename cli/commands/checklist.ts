/**
 * `portctl requirements <id>`, `portctl port-dates <id>`, `portctl documents <id> [--download <docId>]`:
 * what an order still needs before submit, the port dates it may ask for, and its documents back.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { text } from '../args';
import { contextOf, orderPath, orderZone } from '../context';
import { CliError } from '../errors';
import { clean, fields, money, table, when } from '../format';

interface Requirement {
  requirement: string;
  title: string;
  status: 'met' | 'missing' | 'invalid';
  problems: { code: string; field: string; message: string }[];
}
interface Requirements {
  orderId: string;
  status: string;
  submittable: boolean;
  order: Requirement[];
  numbers: { index: number; phoneNumber?: string; met: boolean; requirements: Requirement[] }[];
  warnings: { code: string; message: string }[];
}
interface PortDateOptions {
  purpose: 'requested_port_date' | 'port_date_change' | 'none';
  status: string;
  country: string;
  today: string;
  earliest?: string;
  latest?: string;
  focDate?: string;
  requestedPortDate?: string;
  dates: { date: string; feeCents?: number }[];
  holidays: string[];
  quote?: { allowed: boolean; totalCents: number; numbers: { phoneNumber: string; refusal?: string }[] };
}
interface StoredDocument {
  id: string;
  kind: string;
  phoneNumbers?: string[];
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt?: string;
}

export function checklistCommands(parent: Command): void {
  parent
    .command('requirements')
    .description('what submit still needs: each requirement met, missing or invalid, and why')
    .argument('<id>', 'order id (pio_...)')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const checklist = await ctx.api.get<Requirements>(orderPath(id, '/requirements'));
      ctx.result(checklist, () => renderRequirements(checklist));
    });

  parent
    .command('port-dates')
    .description('the port dates the order may ask for now, with the fee of a change')
    .argument('<id>', 'order id (pio_...)')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const options = await ctx.api.get<PortDateOptions>(orderPath(id, '/port-date-options'));
      ctx.result(options, () => renderPortDates(options));
    });

  parent
    .command('documents')
    .description("the order's documents, or one of them downloaded")
    .argument('<id>', 'order id (pio_...)')
    .option('--download <docId>', 'download this document (doc_...)', text)
    .option(
      '--output <path>',
      'where to write it (default: the name the API gives, here); never overwritten',
      text,
    )
    .action(async (id: string, opts: { download?: string; output?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      if (!opts.download) {
        // The order too: its zone is where a person reads the upload times.
        const [list, timeZone] = await Promise.all([
          ctx.api.get<{ data: StoredDocument[] }>(orderPath(id, '/documents')),
          orderZone(ctx, id),
        ]);
        return ctx.result(list, () => renderDocuments(list.data, timeZone));
      }
      const file = await ctx.api.download(orderPath(id, `/documents/${encodeURIComponent(opts.download)}`));
      // Only a bare name from the API (never a path), else the id: a header must not pick the directory.
      const path = opts.output ?? basename(file.filename ?? `${opts.download}`);
      try {
        await writeFile(path, file.bytes, { flag: 'wx' });
      } catch (err) {
        throw new CliError(
          `cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
        );
      }
      const written = {
        path,
        contentType: file.contentType,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
      };
      ctx.result(written, () =>
        fields([
          ['written', written.path],
          ['type', written.contentType],
          ['size', `${written.size} bytes`],
          ['sha256', written.sha256],
        ]),
      );
    });
}

const MARK = { met: 'ok', missing: 'MISSING', invalid: 'INVALID' } as const;

function renderRequirements(c: Requirements): string {
  const rows: unknown[][] = [];
  const add = (scope: string, r: Requirement) =>
    rows.push([scope, r.requirement, MARK[r.status], r.problems.map((p) => p.message).join(' ')]);
  for (const r of c.order) add('order', r);
  for (const n of c.numbers) for (const r of n.requirements) add(n.phoneNumber ?? `numbers[${n.index}]`, r);
  const unmet = rows.filter((r) => r[2] !== 'ok');
  const head = `${c.orderId} (${c.status}): ${c.submittable ? 'ready to submit' : c.status === 'draft' ? `${unmet.length} requirement(s) not met` : 'already submitted'}`;
  const warnings = c.warnings.map((w) => `warning ${w.code}: ${clean(w.message)}`);
  return [head, table(['FOR', 'REQUIREMENT', 'STATUS', 'WHY'], rows), ...warnings].join('\n');
}

function renderPortDates(o: PortDateOptions): string {
  if (o.purpose === 'none') return `no port date can be asked for: the order is ${o.status}`;
  const lines = [
    fields([
      [
        'for',
        o.purpose === 'requested_port_date'
          ? 'the requested port date (edit the draft)'
          : 'a port-date change',
      ],
      ['today', `${o.today} (${o.country})`],
      ['FOC', o.focDate],
      ['requested', o.requestedPortDate],
      ['range', o.earliest && o.latest ? `${o.earliest} .. ${o.latest}` : undefined],
      ['holidays left out', o.holidays.join(', ')],
      ...(o.quote
        ? ([
            ['fee if changed now', money(o.quote.totalCents)],
            [
              'you may change now',
              o.quote.allowed
                ? 'yes'
                : `no (${[...new Set(o.quote.numbers.map((n) => n.refusal).filter(Boolean))].join(', ')})`,
            ],
          ] as [string, unknown][])
        : []),
    ]),
  ];
  lines.push(
    o.dates.length
      ? table(
          o.quote ? ['DATE', 'FEE'] : ['DATE'],
          o.dates.map((d) => (o.quote ? [d.date, money(d.feeCents)] : [d.date])),
        )
      : 'no dates',
  );
  return lines.join('\n');
}

function renderDocuments(docs: StoredDocument[], timeZone: string | undefined): string {
  if (!docs.length) return 'no documents';
  return table(
    ['ID', 'KIND', 'TYPE', 'SIZE', 'UPLOADED', 'NUMBERS', 'SHA256'],
    docs.map((d) => [
      d.id,
      d.kind,
      d.contentType,
      d.size,
      when(d.uploadedAt, timeZone),
      d.phoneNumbers?.length ? d.phoneNumbers.join(',') : 'all',
      d.sha256,
    ]),
  );
}
