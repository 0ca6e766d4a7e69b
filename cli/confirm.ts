/** The yes/no gate in front of actions that charge fees. */
import { createInterface } from 'node:readline/promises';
import { CliError, UsageError } from './errors';

/**
 * Returns when the operator agreed: `--yes`, or "y" typed on a terminal. Without a terminal nobody
 * can be asked, so a script must say --yes explicitly rather than charge fees by default.
 */
export async function confirm(question: string, yes: boolean | undefined, action: string): Promise<void> {
  if (yes) return;
  if (!process.stdin.isTTY)
    throw new UsageError(
      `refusing to ${action} without --yes: stdin is not a terminal, so nobody can confirm`,
    );
  // The prompt goes to stderr so `--json` output on stdout stays parseable.
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) throw new CliError('aborted: nothing was changed');
  } finally {
    rl.close();
  }
}
