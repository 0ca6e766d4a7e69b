/** Orders in a given state, made through the API: a draft, a draft ready to submit, a submitted order. */
import { addDays, localDate } from '../../domain/calendar';
import { api, orderBody } from './api-client';

type Client = ReturnType<typeof api>;

const fail = (what: string, res: { status: number; text?: string }) =>
  new Error(`${what}: HTTP ${res.status} ${(res.text ?? '').slice(0, 1500)}`);

/** A draft for one number (any valid US number ports from the simulator's generic carrier). */
export async function createDraft(
  client: Client,
  phoneNumber: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await client.post(
    '/v1/port-in-orders',
    orderBody({ phoneNumbers: [phoneNumber], ...overrides }),
  );
  if (res.status !== 201) throw fail('create draft', res);
  return res.body.orders[0].id;
}

/** A draft with its LOA and a bill from yesterday: submit accepts it. */
export async function readyDraft(
  client: Client,
  phoneNumber: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const id = await createDraft(client, phoneNumber, overrides);
  const loa = await client.upload(`/v1/port-in-orders/${id}/documents`, {
    kind: 'loa',
    loaTemplate: 'standard',
    signerName: 'Ada Lovelace',
  });
  if (loa.status !== 201) throw fail('LOA upload', loa);
  const issuedOn = addDays(localDate(Date.now(), 'America/New_York'), -1);
  const bill = await client.upload(`/v1/port-in-orders/${id}/documents`, { kind: 'bill', issuedOn });
  if (bill.status !== 201) throw fail('bill upload', bill);
  return id;
}

/** A submitted order (in review, its workflow started). */
export async function submittedOrder(
  client: Client,
  phoneNumber: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const id = await readyDraft(client, phoneNumber, overrides);
  const res = await client.post(`/v1/port-in-orders/${id}/submit`);
  if (res.status !== 202) throw fail('submit', res);
  return id;
}
