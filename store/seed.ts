/**
 * Demo data for local runs: two Standard customer accounts (so tenants can be tried side by side), a
 * trial account (whose orders are refused: plans can be tried), and an API key for each customer and
 * each staff role. Production refuses to start with seeding on (config/production.ts).
 */
import type { Store } from './connection';
import { hashApiKey } from './connection';

export interface DemoKeys {
  customerKey: string;
  secondCustomerKey: string;
  trialCustomerKey: string;
  supportKey: string;
  opsKey: string;
}

export const DEMO_ACCOUNT_ID = 'acct_demo_standard';
export const SECOND_ACCOUNT_ID = 'acct_demo_second';
export const TRIAL_ACCOUNT_ID = 'acct_demo_trial';

export async function seedDemoData(store: Store, keys: DemoKeys): Promise<void> {
  const { Account, ApiKey } = store.models;
  const upsert = (model: typeof Account | typeof ApiKey, doc: Record<string, unknown>) =>
    (model as typeof Account).updateOne({ _id: doc._id }, { $setOnInsert: doc }, { upsert: true });
  await upsert(Account, {
    _id: DEMO_ACCOUNT_ID,
    name: 'Demo Standard Co',
    plan: 'standard',
    notificationEmail: 'customer@example.test',
    timeZone: 'America/New_York',
  });
  await upsert(Account, {
    _id: SECOND_ACCOUNT_ID,
    name: 'Demo Second Co',
    plan: 'standard',
    notificationEmail: 'second@example.test',
    timeZone: 'America/Los_Angeles',
  });
  await upsert(Account, {
    _id: TRIAL_ACCOUNT_ID,
    name: 'Demo Trial Co',
    plan: 'trial',
    notificationEmail: 'trial@example.test',
    timeZone: 'America/Chicago',
  });
  const customer = (key: string, accountId: string, name: string) =>
    upsert(ApiKey, { _id: hashApiKey(key), role: 'customer', accountId, name });
  await customer(keys.customerKey, DEMO_ACCOUNT_ID, 'demo customer');
  await customer(keys.secondCustomerKey, SECOND_ACCOUNT_ID, 'demo second customer');
  await customer(keys.trialCustomerKey, TRIAL_ACCOUNT_ID, 'demo trial customer');
  await upsert(ApiKey, { _id: hashApiKey(keys.supportKey), role: 'support', name: 'demo support' });
  await upsert(ApiKey, { _id: hashApiKey(keys.opsKey), role: 'ops', name: 'demo ops' });
}

/** The names of the given demo keys that are stored (looked up by _id, the key's hash). */
export async function findStoredKeys(store: Store, keys: readonly string[]): Promise<string[]> {
  const found = await store.models.ApiKey.find({ _id: { $in: keys.map(hashApiKey) } }, { name: 1 }).lean();
  return found.map((k) => String(k.name)).sort();
}
