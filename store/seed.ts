/** Demo data for local runs: a Standard customer account, a trial account, and API keys for each role. */
import type { Store } from './connection';
import { hashApiKey } from './connection';

export interface DemoKeys {
  customerKey: string;
  supportKey: string;
  opsKey: string;
}

export const DEMO_ACCOUNT_ID = 'acct_demo_standard';
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
    _id: TRIAL_ACCOUNT_ID,
    name: 'Demo Trial Co',
    plan: 'trial',
    notificationEmail: 'trial@example.test',
    timeZone: 'America/Chicago',
  });
  await upsert(ApiKey, {
    _id: hashApiKey(keys.customerKey),
    role: 'customer',
    accountId: DEMO_ACCOUNT_ID,
    name: 'demo customer',
  });
  await upsert(ApiKey, { _id: hashApiKey(keys.supportKey), role: 'support', name: 'demo support' });
  await upsert(ApiKey, { _id: hashApiKey(keys.opsKey), role: 'ops', name: 'demo ops' });
}
