#!/usr/bin/env node
/**
 * portctl: the support CLI over the /v1 API. Usage in cli/README.md.
 * Exit codes: 0 ok, 1 the API or the operator refused (problem on stderr), 2 usage or configuration.
 */
import { Command, CommanderError } from 'commander';
import { changeCommands } from './commands/changes';
import { checklistCommands } from './commands/checklist';
import { commentCommands } from './commands/comments';
import { ordersCommand } from './commands/orders';
import { resubmitCommand } from './commands/resubmit';
import { reviewCommand } from './commands/review';
import { EXIT_USAGE } from './errors';
import { reportError } from './report';

export function buildProgram(): Command {
  const program = new Command('portctl')
    .description('Support CLI for the port-in orchestrator API')
    .option('--json', 'print the raw JSON response (for scripts)')
    .option('--api-key <key>', 'support API key (prefer PORTCTL_API_KEY: flags show up in ps)')
    .option('--api-url <url>', 'API base URL (default PORTCTL_API_URL, config file, http://localhost:3000)')
    .option('--config <path>', 'config file (default ~/.config/portctl/config.json)')
    // Throw instead of exiting so usage errors get exit code 2; set before adding the subcommands,
    // which copy these settings when created.
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  ordersCommand(program);
  reviewCommand(program);
  changeCommands(program);
  resubmitCommand(program);
  checklistCommands(program);
  commentCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError)
      // Commander already printed its message; help and --version are not failures.
      return err.exitCode === 0 ? 0 : EXIT_USAGE;
    return reportError(err, Boolean(program.opts().json));
  }
}

if (require.main === module) {
  // exitCode, not exit(): lets stdout drain when piped.
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
