/**
 * What `npm run provision` does to the store: customer accounts and API keys, as an operator of a
 * production deployment needs them (no demo data there). Keys are stored as the SHA-256 of the key
 * (the API looks them up by it, api/auth.ts): the key itself exists only in the command's output.
 */
import { randomBytes } from 'node:crypto';
import { isValidTimeZone } from '../../domain/calendar';
import { isValidEmail } from '../../domain/email';
import type { AccountPlan } from '../../domain/order';
import type { Role } from '../../api/auth';
import { hashApiKey, isDuplicateKey, type Store } from '../../store/connection';

export const PLANS: readonly AccountPlan[] = ['standard', 'trial'];
export const ROLES: readonly Role[] = ['customer', 'support', 'ops'];
export const DEFAULT_TIME_ZONE = 'America/New_York'; // the account model's default

/** Wrong input: nothing was read or written (exit 2). */
export class UsageError extends Error {}
/** The store said no, or the request conflicts with what is stored (exit 1). */
export class ProvisionError extends Error {}

const ACCOUNT_ID = /^acct_[a-z0-9][a-z0-9_-]{0,62}$/;
const KEY_ID = /^[0-9a-f]{64}$/;

export interface AccountInput {
  id?: string;
  name: string;
  plan: string;
  email: string;
  timeZone?: string;
}

export interface Account {
  id: string;
  name: string;
  plan: AccountPlan;
  notificationEmail: string;
  timeZone: string;
}

/** The id an account gets from its name (`Acme Telecom, Inc.` → `acct_acme_telecom_inc`): stable, so a re-run finds it. */
export function accountIdFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 58)
    .replace(/_+$/, '');
  if (!slug)
    throw new UsageError(`--name "${name}" has no letter or digit to make an id of: give --id acct_…`);
  return `acct_${slug}`;
}

/** Every problem of the input at once, or the account to store. */
export function accountFrom(input: AccountInput): Account {
  const problems: string[] = [];
  const name = input.name.trim();
  if (!name) problems.push('--name must not be empty');
  if (input.id !== undefined && !ACCOUNT_ID.test(input.id))
    problems.push(
      `--id "${input.id}" must be acct_ then lowercase letters, digits, _ or - (at most 67 characters)`,
    );
  if (!(PLANS as readonly string[]).includes(input.plan))
    problems.push(`--plan "${input.plan}" must be one of: ${PLANS.join(', ')}`);
  if (!isValidEmail(input.email)) problems.push(`--email "${input.email}" is not an email address`);
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) problems.push(`--time-zone "${timeZone}" is not an IANA time zone`);
  if (problems.length) throw new UsageError(problems.join('\n'));
  return {
    id: input.id ?? accountIdFor(name),
    name,
    plan: input.plan as AccountPlan,
    notificationEmail: input.email,
    timeZone,
  };
}

/** The option that sets each stored field, for messages. */
const OPTION_OF: Record<Exclude<keyof Account, 'id'>, string> = {
  name: '--name',
  plan: '--plan',
  notificationEmail: '--email',
  timeZone: '--time-zone',
};

/**
 * Creates the account once. The insert is the claim (only an insert is atomic on FerretDB v1,
 * docs/store.md): a re-run, or two operators at once, find the stored account; the same details
 * are not an error (idempotent), other details are (nothing is changed).
 */
export async function createAccount(store: Store, account: Account): Promise<{ created: boolean }> {
  const { Account: Accounts } = store.models;
  const { id, ...fields } = account;
  try {
    await Accounts.create({ _id: id, ...fields });
    return { created: true };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const stored = await Accounts.findById(id).lean();
  const differing = (Object.keys(fields) as Array<keyof typeof fields>).filter(
    (field) => stored?.[field] !== fields[field],
  );
  if (differing.length)
    throw new ProvisionError(
      `account ${id} exists with another ` +
        differing.map((f) => `${OPTION_OF[f]} (stored: ${String(stored?.[f])})`).join(', ') +
        ': nothing changed (give another --id for another account)',
    );
  return { created: false };
}

export interface KeyInput {
  role: string;
  accountId?: string;
  label?: string;
}

export interface CreatedKey {
  /** The bearer key: printed once, never stored. */
  key: string;
  /** Its SHA-256 hex, the stored _id: what `key revoke` takes. */
  id: string;
  role: Role;
  accountId?: string;
  label: string;
}

/** Every problem of the input at once (customer keys belong to an account, staff keys to none). */
export function checkKeyInput(input: KeyInput): void {
  const problems: string[] = [];
  if (!(ROLES as readonly string[]).includes(input.role))
    problems.push(`--role "${input.role}" must be one of: ${ROLES.join(', ')}`);
  if (input.role === 'customer' && !input.accountId)
    problems.push('--account is required for a customer key (the account it acts for)');
  if (input.role !== 'customer' && input.accountId !== undefined)
    problems.push(`--account is only for customer keys: a ${input.role} key acts for every account`);
  if (input.accountId !== undefined && !ACCOUNT_ID.test(input.accountId))
    problems.push(`--account "${input.accountId}" is not an account id (acct_…)`);
  if (input.label !== undefined && !input.label.trim()) problems.push('--label must not be empty');
  if (problems.length) throw new UsageError(problems.join('\n'));
}

/** A new random key (256 bits) for the role, stored by its hash. */
export async function createApiKey(store: Store, input: KeyInput, now = new Date()): Promise<CreatedKey> {
  checkKeyInput(input);
  const role = input.role as Role;
  if (input.accountId && !(await store.models.Account.exists({ _id: input.accountId })))
    throw new ProvisionError(`no account ${input.accountId}: create it first (account create)`);
  const key = `portin_${randomBytes(32).toString('base64url')}`;
  const label =
    input.label?.trim() ??
    `${role}${input.accountId ? ` of ${input.accountId}` : ''}, ${now.toISOString().slice(0, 10)}`;
  const id = hashApiKey(key);
  await store.models.ApiKey.create({
    _id: id,
    role,
    ...(input.accountId ? { accountId: input.accountId } : {}),
    name: label,
  });
  return { key, id, role, ...(input.accountId ? { accountId: input.accountId } : {}), label };
}

export function checkKeyId(keyId: string): void {
  if (!KEY_ID.test(keyId))
    throw new UsageError(
      `key id "${keyId}" must be the 64 hex characters printed by key create (or listed by key list), not the key`,
    );
}

/** Deletes the key. An unknown id is a failure, never a silent success: it may be a mistyped one. */
export async function revokeApiKey(store: Store, keyId: string): Promise<{ label: string }> {
  checkKeyId(keyId);
  const stored = await store.models.ApiKey.findOneAndDelete({ _id: keyId }).lean();
  if (!stored) throw new ProvisionError(`no API key ${keyId} (revoked already, or mistyped: see key list)`);
  return { label: stored.name };
}

export interface ListedKey {
  id: string;
  role: string;
  accountId?: string;
  label: string;
  /** When it was created (RFC 3339); absent on keys stored before their creation was kept. */
  createdAt?: string;
}

/** The stored keys (never a key itself: only hashes are stored). A scan: an operator's command, not a request path. */
export async function listApiKeys(store: Store, accountId?: string): Promise<ListedKey[]> {
  const keys = await store.models.ApiKey.find(accountId ? { accountId } : {}).lean();
  return keys
    .map((k) => ({
      id: k._id,
      role: k.role,
      ...(k.accountId ? { accountId: k.accountId } : {}),
      label: k.name,
      ...(k.createdAt ? { createdAt: new Date(k.createdAt).toISOString() } : {}),
    }))
    .sort((a, b) => (a.accountId ?? '').localeCompare(b.accountId ?? '') || a.label.localeCompare(b.label));
}
