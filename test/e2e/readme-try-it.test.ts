/**
 * The README's "Try it", run as a new user runs it: the fenced block under "### Try it" and the rows
 * of the "Other outcomes" table are read from README.md (never copied here) and run with bash
 * against the e2e stack. Only the demo keys and the local addresses of `npm start` are replaced by
 * the stack's; the block must reach `completed` on its own, with no call to the carrier simulator.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runProcess } from '../support/run-process';
import { orderEvents, getOrder, waitForOrder, type OrderView } from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';

const ROOT = path.join(__dirname, '../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const stack = useStack({ autoAnswer: true });

/** The section of the README under `heading`, up to the next heading of its level or above (code blocks skipped). */
function section(heading: string): string {
  const lines = README.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`README.md has no "${heading}" heading`);
  const level = heading.indexOf(' ');
  let fenced = false;
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('```')) fenced = !fenced;
    const depth = /^(#+) /.exec(line)?.[1].length;
    if (!fenced && depth !== undefined && depth <= level) break;
    body.push(line);
  }
  return body.join('\n');
}

/** The first fenced bash block under "### Try it". */
function tryItBlock(): string {
  const block = /^```bash\n([\s\S]*?)^```$/m.exec(section('### Try it'));
  if (!block) throw new Error('no ```bash block under "### Try it"');
  return block[1];
}

/** "Other outcomes": each row's outcome (first cell) → its instructions (second cell). */
function outcomeRows(): Map<string, string> {
  const rows = section('### Other outcomes')
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Outcome'))
    .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, '')));
  return new Map(rows.map(([outcome, how]) => [outcome, how]));
}

const codeSpans = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

/** What a row says to do: the NUMBER to order, its curl commands, the first rejection code it names. */
function row(outcome: string) {
  const how = outcomeRows().get(outcome);
  if (!how) throw new Error(`README "Other outcomes" has no row "${outcome}"`);
  const spans = codeSpans(how);
  const number = spans.map((s) => /^NUMBER=(\+\d+)$/.exec(s)?.[1]).find(Boolean);
  if (!number) throw new Error(`row "${outcome}" names no NUMBER=…`);
  return {
    number,
    commands: spans.filter((s) => s.startsWith('curl ')),
    code: spans.find((s) => /^[a-z]+(_[a-z]+)+$/.test(s)),
  };
}

/** The block pointed at the stack: its keys and addresses, the README's own variables otherwise. */
function forStack(script: string): string {
  const replacements: [string, string][] = [
    ['demo-customer-key', KEYS.customerKey],
    ['demo-support-key', KEYS.supportKey],
    ['http://localhost:3000', stack.apiUrl],
  ];
  for (const [from, to] of replacements) {
    if (!script.includes(from)) throw new Error(`the Try it block no longer uses ${from}`);
    script = script.split(from).join(to);
  }
  return script;
}

function withNumber(script: string, phoneNumber: string): string {
  if (!/^NUMBER=\+\d+$/m.test(script)) throw new Error('the Try it block sets no NUMBER=…');
  return script.replace(/^NUMBER=\+\d+$/m, `NUMBER=${phoneNumber}`);
}

/** The block up to its wait for the outcome (for rows that act while the order is in flight). */
function untilTheWait(script: string): string {
  const loop = script.search(/^for /m);
  if (loop < 0) throw new Error('the Try it block has no wait loop (`for …`)');
  return script.slice(0, loop);
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  orderId: string;
}

/**
 * Runs a script with bash in a scratch directory. Asynchronous: the API under test answers from
 * this very process, so a synchronous spawn would deadlock.
 */
async function bash(script: string, env: Record<string, string> = {}): Promise<Run> {
  const run = await runProcess('bash', ['-c', `${script}\nprintf '\\nORDER_ID=%s\\n' "$ID"\n`], {
    cwd: mkdtempSync(path.join(tmpdir(), 'readme-try-it-')),
    env: { ...process.env, SIM: stack.simulatorUrl, ...env },
  });
  return { ...run, orderId: /^ORDER_ID=(.*)$/m.exec(run.stdout)?.[1] ?? '' };
}

async function runBlock(script: string, env: Record<string, string> = {}): Promise<Run> {
  const run = await bash(script, env);
  if (run.code !== 0 || !/^pio_\w+$/.test(run.orderId))
    throw new Error(`the block failed (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  return run;
}

/** A row's call to the carrier simulator; it answers JSON, `{error}` on a refusal. */
async function control(command: string, orderId = ''): Promise<void> {
  const run = await bash(command, { ID: orderId });
  if (run.code !== 0 || !run.stdout.startsWith('{') || run.stdout.includes('"error"'))
    throw new Error(`${command} failed (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
}

const accepted = (order: OrderView) => order.numbers[0]?.status === 'accepted';

beforeAll(() => {
  for (const tool of ['curl', 'jq'])
    if (spawnSync('bash', ['-c', `command -v ${tool}`]).status !== 0)
      throw new Error(`the README's Try it needs ${tool}, which is not installed`);
});

jest.setTimeout(300_000);

/** The order the Try it block completed (the portctl test reads it). */
let completedOrderId = '';

test('the Try it block takes a new order from draft to completed, with no call to the carrier simulator', async () => {
  const script = tryItBlock();
  expect(script).not.toMatch(/localhost:4010|\/control\//);

  const run = await runBlock(forStack(script));

  expect(run.stdout).toMatch(/^\d\d:\d\d:\d\d completed$/m); // the block's own wait saw it
  // A person reads it: one line per step (no answers run together), the timeline on the order's
  // wall clock with its zone named, never an instant in UTC alone.
  const lines = run.stdout.split('\n');
  expect(lines.filter((l) => /\}\s*[{\d]/.test(l))).toEqual([]);
  expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^\{"id":"doc_\w+","kind":"loa"\}$/)]));
  expect(run.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d E[SD]T order\.submitted$/m);
  expect(run.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d E[SD]T number\.completed$/m);
  expect(lines.filter((l) => /^\S+Z\b/.test(l))).toEqual([]);
  const order = await getOrder(stack, run.orderId);
  expect(order.status).toBe('completed');
  expect(order.numbers[0]).toMatchObject({ status: 'completed', activated: true });
  const types = (await orderEvents(stack, run.orderId)).map((e) => e.type);
  expect(types).toEqual(
    expect.arrayContaining(['number.accepted', 'number.activated', 'number.ported', 'number.completed']),
  );
  completedOrderId = run.orderId;
});

describe('the "Other outcomes" table', () => {
  test('rejected, with a code: the row’s number is refused with the code it names', async () => {
    const { number, code } = row('rejected, with a code');
    expect(code).toBeDefined();
    const run = await runBlock(withNumber(forStack(tryItBlock()), number));
    const order = await getOrder(stack, run.orderId);
    expect([order.status, order.numbers[0].rejection?.code]).toEqual(['rejected', code]);
  });

  test('canceled by the carrier', async () => {
    const { number, commands } = row('canceled by the carrier');
    const { orderId } = await runBlock(untilTheWait(withNumber(forStack(tryItBlock()), number)));
    await waitForOrder(stack, orderId, accepted);
    expect(commands).toHaveLength(1);
    await control(commands[0], orderId);
    const order = await waitForOrder(stack, orderId, (o) => o.status === 'canceled');
    expect(order.numbers[0].cancellation).toMatchObject({ by: 'carrier', feeCents: 0 });
  });

  test('FOC moved', async () => {
    const { number, commands } = row('FOC moved');
    const { orderId } = await runBlock(untilTheWait(withNumber(forStack(tryItBlock()), number)));
    const before = (await waitForOrder(stack, orderId, accepted)).numbers[0].focDate!;
    expect(commands).toHaveLength(1);
    await control(commands[0], orderId);
    const order = await waitForOrder(stack, orderId, (o) => o.numbers[0].focDate !== before);
    expect(order.numbers[0].focDate! > before).toBe(true);
    expect((await orderEvents(stack, orderId)).map((e) => e.type)).toContain('number.foc_changed');
  });

  test('capability failure', async () => {
    const { number, commands } = row('capability failure');
    expect(commands).toHaveLength(1);
    expect(commands[0]).toContain(encodeURIComponent(number)); // the number the row then orders
    await control(commands[0]); // "before the block"
    const { orderId } = await runBlock(untilTheWait(withNumber(forStack(tryItBlock()), number)));
    const order = await waitForOrder(stack, orderId, (o) => o.numbers[0].status === 'ported_sms_inactive');
    expect(order.numbers[0].activated).toBe(true);
  });
});

test('portctl as the README shows it, right after npm ci: npx portctl, no build step', async () => {
  expect(completedOrderId).toMatch(/^pio_/); // from the Try it test above
  // The bin is a file every clone has: not build output (lib/ is git-ignored and made by npm run build).
  const bin: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin.portctl;
  expect(spawnSync('git', ['check-ignore', '-q', bin], { cwd: ROOT }).status).toBe(1); // 1: not ignored
  const block = /^```bash\n([\s\S]*?)^```$/m.exec(section('## Support CLI (`portctl`)'))?.[1] ?? '';
  const line = (start: string) => {
    const found = block.split('\n').find((l) => l.startsWith(start));
    if (!found) throw new Error(`the portctl block has no line starting with ${start}`);
    return found
      .replace(/\s+#.*$/, '')
      .split('<id>')
      .join(completedOrderId);
  };
  const script = [
    line('export PORTCTL_API_KEY=').replace('demo-support-key', KEYS.supportKey),
    line('npx portctl orders show <id>'),
    line('npx portctl --json orders show <id>'),
  ].join('\n');
  const run = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORTCTL_API_URL: stack.apiUrl,
        HOME: mkdtempSync(path.join(tmpdir(), 'portctl-home-')), // no developer config
        // A fresh npx cache: one filled before a change of the bin would still link the old file.
        npm_config_cache: mkdtempSync(path.join(tmpdir(), 'npx-cache-')),
        npm_config_offline: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
  const { phoneNumber } = (await getOrder(stack, completedOrderId)).numbers[0];
  expect({ code: run.code, out: run.out }).toEqual({ code: 0, out: expect.stringContaining(phoneNumber) });
  expect(run.out).toContain('completed');
  expect(run.out).toContain(`"phoneNumber": "${phoneNumber}"`); // the --json … | jq '.numbers' line
});
