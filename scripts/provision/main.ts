/**
 * `npm run provision -- <command>` (in the image: `node lib/scripts/provision/main.js <command>`):
 * accounts and API keys of a deployment, in the store MONGODB_URI names (as the services read it).
 * Usage in docs/provisioning.md. Exit codes: 0 done, 1 the store refused or conflicts, 2 usage.
 */
import { Command, CommanderError } from 'commander';
import { connectStore, type Store } from '../../store/connection';
import {
  accountFrom,
  createAccount,
  createApiKey,
  checkKeyId,
  checkKeyInput,
  DEFAULT_TIME_ZONE,
  listApiKeys,
  PLANS,
  ProvisionError,
  revokeApiKey,
  ROLES,
  UsageError,
} from './provisioning';

export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The services' default (config/index.ts). */
const DEFAULT_MONGODB_URI = 'mongodb://127.0.0.1:27017/portin';

export interface Io {
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  env: process.env,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** A key's creation to the minute, UTC ("-" for keys stored before it was kept): which keys are old. */
const createdOf = (k: { createdAt?: string }) =>
  k.createdAt ? `${k.createdAt.slice(0, 10)} ${k.createdAt.slice(11, 16)}Z` : '-';

/** The URI without its password, for messages. */
const shown = (uri: string) => uri.replace(/\/\/[^@/]*@/, '//***@');

export function buildProgram(
  io: Io,
  withStore: <T>(use: (store: Store) => Promise<T>) => Promise<T>,
): Command {
  const program = new Command('provision')
    .description('Create customer accounts and API keys in the store MONGODB_URI names')
    .option('--json', 'print the result as JSON (for scripts)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run with --help for usage)');
  const json = () => Boolean(program.opts().json);
  const print = (result: object, text: string) =>
    io.out(json() ? `${JSON.stringify(result)}\n` : `${text}\n`);

  const account = program.command('account').description('customer accounts');
  account
    .command('create')
    .description('create a customer account once (a re-run with the same details changes nothing)')
    .requiredOption('--name <name>', 'the customer’s name')
    .requiredOption('--plan <plan>', `one of: ${PLANS.join(', ')} (trial accounts cannot submit orders)`)
    .requiredOption('--email <address>', 'where notices go (FOC dates, rejections)')
    .option('--time-zone <zone>', `IANA time zone of its notices (default ${DEFAULT_TIME_ZONE})`)
    .option('--id <id>', 'the account id (default acct_ and the name in lowercase)')
    .action(async (opts: { name: string; plan: string; email: string; timeZone?: string; id?: string }) => {
      const wanted = accountFrom(opts); // before connecting: a wrong command line is exit 2 whatever the store
      const { created } = await withStore((store) => createAccount(store, wanted));
      print(
        { ...wanted, created },
        `account ${wanted.id} ${created ? 'created' : 'exists already, unchanged'} ` +
          `(${wanted.name}, ${wanted.plan}, ${wanted.notificationEmail}, ${wanted.timeZone})`,
      );
    });

  const key = program.command('key').description('API keys (stored hashed)');
  key
    .command('create')
    .description('create an API key: printed once, only its hash is stored')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--account <id>', 'the account a customer key acts for')
    .option('--label <text>', 'what the key is for (shown in logs as the key name)')
    .action(async (opts: { role: string; account?: string; label?: string }) => {
      const input = { role: opts.role, accountId: opts.account, label: opts.label };
      checkKeyInput(input);
      const created = await withStore((store) => createApiKey(store, input));
      print(
        created,
        [
          `API key created (shown this once: only its hash is stored, a lost key is replaced, not recovered)`,
          `  key      ${created.key}`,
          `  id       ${created.id}   (for key revoke)`,
          `  role     ${created.role}${created.accountId ? ` of ${created.accountId}` : ''}`,
          `  label    ${created.label}`,
        ].join('\n'),
      );
    });
  key
    .command('revoke')
    .description('delete an API key (running APIs stop accepting it within 30 s: their key cache)')
    .argument('<keyId>', 'the id printed by key create or listed by key list (not the key)')
    .action(async (keyId: string) => {
      checkKeyId(keyId);
      const { label } = await withStore((store) => revokeApiKey(store, keyId));
      print(
        { id: keyId, revoked: true, label },
        `API key ${keyId} (${label}) revoked: every API replica refuses it within 30 s (its key cache)`,
      );
    });
  key
    .command('list')
    .description(
      'the stored keys: id, role, account, creation (UTC), label (never a key: only hashes are stored)',
    )
    .option('--account <id>', 'only the keys of this account')
    .action(async (opts: { account?: string }) => {
      const keys = await withStore((store) => listApiKeys(store, opts.account));
      print(
        keys,
        keys.length
          ? keys
              .map(
                (k) =>
                  `${k.id}  ${k.role.padEnd(8)} ${(k.accountId ?? '-').padEnd(24)} ${createdOf(k).padEnd(17)} ${k.label}`,
              )
              .join('\n')
          : 'no API keys',
      );
    });
  return program;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const uri = io.env.MONGODB_URI || DEFAULT_MONGODB_URI;
  const opened: Store[] = [];
  const withStore = async <T>(use: (store: Store) => Promise<T>): Promise<T> => {
    let store: Store;
    try {
      store = await connectStore(uri);
    } catch (err) {
      throw new ProvisionError(
        `cannot reach the store at ${shown(uri)} (MONGODB_URI): ${(err as Error).message}`,
      );
    }
    opened.push(store);
    return use(store);
  };
  try {
    await buildProgram(io, withStore).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    // Commander printed its own message (and help and --version are no failures).
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : EXIT_USAGE;
    io.err(`provision: ${(err as Error).message}\n`);
    return err instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
  } finally {
    await Promise.all(opened.map((s) => s.close()));
  }
}

if (require.main === module) {
  // exitCode, not exit(): lets stdout drain when piped.
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
