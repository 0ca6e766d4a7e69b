/**
 * The list routes against the real store: limits (default, bounds, 400 naming the parameter), cursors
 * (malformed, tampered or reused with other filters: 400; none after the last page), walking every
 * page returns each item exactly once in a stable order even when timestamps tie, filters keep
 * applying across pages, and the created and FOC date range filters of GET /v1/port-in-orders.
 */
import { hashApiKey } from '../../store/connection';
import { backfillListSlots } from '../../store/listed-items';
import { api } from '../support/api-client';
import { createDraft, readyDraft } from '../support/order-fixtures';
import { KEYS, startStack, type Stack } from '../support/stack';

jest.setTimeout(60_000);

const ACCOUNT = 'acct_e2e_lists';
const OTHER_ACCOUNT = 'acct_e2e_lists_other';
const LISTS_KEY = 'e2e-lists-customer';
const OTHER_KEY = 'e2e-lists-other-customer';

let stack: Stack;
const customer = () => api(stack.apiUrl, LISTS_KEY);
const support = () => api(stack.apiUrl, KEYS.supportKey);

const at = (iso: string) => new Date(iso);
/** Ten orders share one instant: only the id can order them. */
const TIE = at('2026-06-01T12:00:00.000Z');

interface Seeded {
  _id: string;
  createdAt: Date;
  status: string;
  focDates: string[];
}
const seeded: Seeded[] = [];

/** Orders inserted as stored (the API would stamp them with the current time). */
function seedOrders(): Seeded[] {
  const orders: Seeded[] = [];
  for (let i = 0; i < 25; i++) {
    const createdAt = i < 10 ? TIE : at(`2026-06-${String(2 + i).padStart(2, '0')}T08:00:00.000Z`);
    orders.push({
      _id: `pio_page_${String(i).padStart(2, '0')}`,
      createdAt,
      status: i % 2 === 0 ? 'in_review' : 'draft',
      focDates: [],
    });
  }
  // FOC dates for the range filter; the last one has two dates, neither inside 2027-03-01..2027-03-31.
  orders[1].focDates = ['2027-03-01'];
  orders[3].focDates = ['2027-03-31'];
  orders[5].focDates = ['2027-04-01'];
  orders[7].focDates = ['2027-02-15', '2027-05-01'];
  return orders;
}

const newestFirst = (a: Seeded, b: Seeded) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0);

beforeAll(async () => {
  stack = await startStack({ autoAnswer: false });
  const { Account, ApiKey, Order, Notification, ActiveNumber } = stack.store.models;
  for (const [id, key] of [
    [ACCOUNT, LISTS_KEY],
    [OTHER_ACCOUNT, OTHER_KEY],
  ]) {
    await Account.create({ _id: id, name: id, plan: 'standard', notificationEmail: 'lists@example.test' });
    await ApiKey.create({ _id: hashApiKey(key), role: 'customer', accountId: id, name: id });
  }
  // A real draft as the template of the stored shape, then removed: the account holds only seeded orders.
  const templateId = await createDraft(customer(), '+16465550110');
  const { listSlots: _slots, ...template } = (await Order.findById(templateId).lean())!;
  await Order.deleteOne({ _id: templateId });
  seeded.push(...seedOrders());
  await Order.collection.insertMany(
    seeded.map((o) => ({
      ...template,
      ...o,
      updatedAt: o.createdAt,
      numbers: o.focDates.map((focDate) => ({
        phoneNumber: '+16465550110',
        status: 'accepted',
        focDate,
        activated: false,
        attempt: 1,
      })),
    })) as never[],
  );
  // Another account's order, created at the tie instant: never in this account's lists.
  await Order.collection.insertOne({
    ...template,
    _id: 'pio_page_zz_other',
    accountId: OTHER_ACCOUNT,
    createdAt: TIE,
    updatedAt: TIE,
  } as never);
  await Notification.collection.insertMany(
    Array.from({ length: 7 }, (_, i) => ({
      _id: `evt_page_${i}:webhook`,
      accountId: i === 6 ? OTHER_ACCOUNT : ACCOUNT,
      orderId: 'pio_page_00',
      channel: 'webhook',
      kind: 'order.submitted',
      to: 'https://hooks.example.test/port-in',
      status: 'sent',
      providerId: '204',
      attempts: 1,
      createdAt: i < 4 ? TIE : at(`2026-06-0${i}T09:00:00.000Z`),
      updatedAt: TIE,
    })) as never[],
  );
  // Inserted as stored, so listed as the API does at its start for items without list slots.
  await backfillListSlots(stack.store);
  await ActiveNumber.collection.insertMany(
    Array.from({ length: 5 }, (_, i) => ({
      _id: `+1646555012${i}`,
      accountId: i === 4 ? OTHER_ACCOUNT : ACCOUNT,
      orderId: 'pio_page_00',
      configuration: { capabilities: 'voice+sms' },
      state: 'active',
      completedAt: TIE,
    })) as never[],
  );
}, 180_000);
afterAll(async () => {
  await stack?.stop();
}, 60_000);

type Client = ReturnType<typeof api>;
/** Follows nextCursor from the first page to the last; returns every page's ids. */
async function walk(client: Client, path: string, idOf: (item: never) => string): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await client.get(cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path);
    expect(res.status).toBe(200);
    pages.push(res.body.data.map(idOf));
    cursor = res.body.nextCursor;
    expect(pages.length).toBeLessThan(50); // a cursor that never ends fails here, not by timeout
  } while (cursor);
  return pages;
}
const orderId = (o: never) => (o as { id: string }).id;

/** A 400 problem naming exactly these query parameters. */
async function expectQueryRejected(client: Client, path: string, fields: string[]) {
  const res = await client.get(path);
  expect(res.status).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields].sort());
  return res;
}

describe('GET /v1/port-in-orders', () => {
  test('the default page is 20, newest first; limit 1 and 100 are accepted', async () => {
    const page = await customer().get('/v1/port-in-orders');
    expect(page.body.data).toHaveLength(20);
    expect(page.body.data.map(orderId)).toEqual(
      [...seeded]
        .sort(newestFirst)
        .slice(0, 20)
        .map((o) => o._id),
    );
    expect(page.body.nextCursor).toEqual(expect.any(String));
    expect((await customer().get('/v1/port-in-orders?limit=1')).body.data).toHaveLength(1);
    const all = await customer().get('/v1/port-in-orders?limit=100');
    expect(all.body.data).toHaveLength(25);
    expect(all.body.nextCursor).toBeNull();
  });

  test('a limit out of range or not an integer is a 400 naming `limit`', async () => {
    for (const limit of ['0', '101', '-5', '2.5', 'ten', ''])
      await expectQueryRejected(customer(), `/v1/port-in-orders?limit=${limit}`, ['limit']);
    await expectQueryRejected(customer(), '/v1/port-in-orders?limit=5&limit=6', ['limit']);
  });

  test('walking every page returns each order once, in a stable order, with ties broken by id', async () => {
    const pages = await walk(customer(), '/v1/port-in-orders?limit=7', orderId);
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 4]);
    expect(pages.flat()).toEqual([...seeded].sort(newestFirst).map((o) => o._id));
    // The same walk again gives the same pages: the order does not depend on storage order.
    expect(await walk(customer(), '/v1/port-in-orders?limit=7', orderId)).toEqual(pages);
  });

  test('when the total is a multiple of the limit, the last full page has no next cursor', async () => {
    const pages = await walk(customer(), '/v1/port-in-orders?limit=5', orderId);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 5]);
  });

  test('a filter keeps applying on every page', async () => {
    const pages = await walk(customer(), '/v1/port-in-orders?status=in_review&limit=4', orderId);
    const expected = seeded.filter((o) => o.status === 'in_review').sort(newestFirst);
    expect(pages.flat()).toEqual(expected.map((o) => o._id));
    expect(pages.map((p) => p.length)).toEqual([4, 4, 4, 1]);
    // Support lists one account with the same filter and gets the same walk.
    expect(
      (
        await walk(support(), `/v1/port-in-orders?accountId=${ACCOUNT}&status=in_review&limit=4`, orderId)
      ).flat(),
    ).toEqual(expected.map((o) => o._id));
  });

  test('an empty result is an empty page without a cursor; another account sees none of these', async () => {
    const none = await customer().get('/v1/port-in-orders?status=canceled');
    expect(none.body).toEqual({ data: [], nextCursor: null });
    const other = await api(stack.apiUrl, OTHER_KEY).get('/v1/port-in-orders?limit=100');
    expect(other.body.data.map(orderId)).toEqual(['pio_page_zz_other']);
  });

  test('a malformed, tampered or foreign cursor is a 400 naming `cursor`', async () => {
    const first = await customer().get('/v1/port-in-orders?limit=3');
    const cursor: string = first.body.nextCursor;
    const flipped = `${cursor.slice(0, 20)}${cursor[20] === 'A' ? 'B' : 'A'}${cursor.slice(21)}`;
    for (const bad of ['garbage', 'pio_page_10', flipped, cursor.slice(0, -4)]) {
      const res = await expectQueryRejected(
        customer(),
        `/v1/port-in-orders?limit=3&cursor=${encodeURIComponent(bad)}`,
        ['cursor'],
      );
      expect(res.body.code).toBe('invalid_cursor');
    }
    // The same cursor with other filters, or by another account, would list something else.
    await expectQueryRejected(
      customer(),
      `/v1/port-in-orders?limit=3&status=draft&cursor=${encodeURIComponent(cursor)}`,
      ['cursor'],
    );
    await expectQueryRejected(
      api(stack.apiUrl, OTHER_KEY),
      `/v1/port-in-orders?limit=3&cursor=${encodeURIComponent(cursor)}`,
      ['cursor'],
    );
    // A different page size with the same filters is fine.
    expect(
      (await customer().get(`/v1/port-in-orders?limit=5&cursor=${encodeURIComponent(cursor)}`)).status,
    ).toBe(200);
  });

  test('an unknown status is a 400 naming `status`', async () => {
    await expectQueryRejected(customer(), '/v1/port-in-orders?status=lost', ['status']);
  });
});

describe('date range filters', () => {
  const ids = async (query: string) =>
    (await walk(customer(), `/v1/port-in-orders?limit=100&${query}`, orderId)).flat().sort();
  const seededIds = (pick: (o: Seeded) => boolean) =>
    seeded
      .filter(pick)
      .map((o) => o._id)
      .sort();

  test('createdFrom and createdTo select orders created inside the range, both ends included', async () => {
    const from = at('2026-06-05T08:00:00.000Z');
    const to = at('2026-06-10T08:00:00.000Z');
    expect(await ids(`createdFrom=${from.toISOString()}&createdTo=${to.toISOString()}`)).toEqual(
      seededIds((o) => o.createdAt >= from && o.createdAt <= to),
    );
    // Any RFC 3339 offset: 10:00+02:00 is 08:00Z.
    expect(await ids(`createdFrom=${encodeURIComponent('2026-06-26T10:00:00+02:00')}`)).toEqual(
      seededIds((o) => o.createdAt >= at('2026-06-26T08:00:00.000Z')),
    );
    expect(await ids(`createdTo=${TIE.toISOString()}`)).toEqual(seededIds((o) => o.createdAt <= TIE));
  });

  test('focDateFrom and focDateTo select orders with one number whose FOC date is inside the range', async () => {
    expect(await ids('focDateFrom=2027-03-01&focDateTo=2027-03-31')).toEqual(['pio_page_01', 'pio_page_03']);
    expect(await ids('focDateFrom=2027-04-01')).toEqual(['pio_page_05', 'pio_page_07']);
    expect(await ids('focDateTo=2027-02-28')).toEqual(['pio_page_07']);
  });

  test('range filters combine with the others and keep applying across pages', async () => {
    const pages = await walk(
      customer(),
      `/v1/port-in-orders?limit=2&status=in_review&createdFrom=${TIE.toISOString()}&createdTo=2026-06-20T08:00:00Z`,
      orderId,
    );
    expect(pages.flat()).toEqual(
      seeded
        .filter((o) => o.status === 'in_review' && o.createdAt <= at('2026-06-20T08:00:00Z'))
        .sort(newestFirst)
        .map((o) => o._id),
    );
  });

  test('malformed dates and a start after the end are 400s naming the parameters', async () => {
    await expectQueryRejected(customer(), '/v1/port-in-orders?createdFrom=yesterday', ['createdFrom']);
    await expectQueryRejected(customer(), '/v1/port-in-orders?createdTo=2026-06-01', ['createdTo']); // a date-time is required
    await expectQueryRejected(customer(), '/v1/port-in-orders?focDateFrom=2027-02-30', ['focDateFrom']);
    await expectQueryRejected(customer(), '/v1/port-in-orders?focDateTo=03/01/2027', ['focDateTo']);
    await expectQueryRejected(
      customer(),
      '/v1/port-in-orders?createdFrom=2026-06-10T00:00:00Z&createdTo=2026-06-09T23:59:59Z',
      ['createdFrom', 'createdTo'],
    );
    await expectQueryRejected(customer(), '/v1/port-in-orders?focDateFrom=2027-03-02&focDateTo=2027-03-01', [
      'focDateFrom',
      'focDateTo',
    ]);
    // Both FOC bounds: at most 366 days apart (the dates are looked up one by one).
    expect(
      (await customer().get('/v1/port-in-orders?focDateFrom=2027-01-01&focDateTo=2028-01-01')).status,
    ).toBe(200);
    await expectQueryRejected(customer(), '/v1/port-in-orders?focDateFrom=2027-01-01&focDateTo=2028-01-02', [
      'focDateFrom',
      'focDateTo',
    ]);
    // Every problem at once.
    await expectQueryRejected(customer(), '/v1/port-in-orders?limit=0&createdFrom=soon&focDateTo=never', [
      'limit',
      'createdFrom',
      'focDateTo',
    ]);
  });
});

describe('GET /v1/webhook-deliveries and GET /v1/active-numbers', () => {
  test('deliveries: every page once, newest first with ties by id, own account only; limits checked', async () => {
    const pages = await walk(customer(), '/v1/webhook-deliveries?limit=2', (d) => (d as { id: string }).id);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2]);
    expect(pages.flat()).toEqual([
      'evt_page_5:webhook',
      'evt_page_4:webhook',
      'evt_page_3:webhook',
      'evt_page_2:webhook',
      'evt_page_1:webhook',
      'evt_page_0:webhook',
    ]);
    await expectQueryRejected(customer(), '/v1/webhook-deliveries?limit=101', ['limit']);
    await expectQueryRejected(customer(), '/v1/webhook-deliveries?limit=2&cursor=nope', ['cursor']);
    expect((await customer().get('/v1/webhook-deliveries?orderId=pio_none')).body).toEqual({
      data: [],
      nextCursor: null,
    });
  });

  test('active numbers: every page once, by number, own account only; limits checked', async () => {
    const pages = await walk(
      customer(),
      '/v1/active-numbers?limit=3',
      (n) => (n as { phoneNumber: string }).phoneNumber,
    );
    expect(pages).toEqual([['+16465550120', '+16465550121', '+16465550122'], ['+16465550123']]);
    const everyone = (
      await walk(support(), '/v1/active-numbers?limit=2', (n) => (n as { phoneNumber: string }).phoneNumber)
    ).flat();
    expect(everyone).toEqual(expect.arrayContaining(['+16465550124']));
    await expectQueryRejected(customer(), '/v1/active-numbers?limit=501', ['limit']);
    await expectQueryRejected(customer(), '/v1/active-numbers?cursor=%2B16465550121', ['cursor']);
  });
});

describe('the order list follows the order', () => {
  test('a draft is listed at once, and a status change moves it between filtered lists', async () => {
    const own = api(stack.apiUrl, KEYS.customerKey);
    const phoneNumber = '+16465550177';
    const ids = async (query: string) =>
      (
        await walk(
          own,
          `/v1/port-in-orders?limit=100&phoneNumber=${encodeURIComponent(phoneNumber)}&${query}`,
          orderId,
        )
      ).flat();
    const id = await readyDraft(own, phoneNumber);
    expect(await ids('status=draft')).toEqual([id]);
    expect(await ids('status=in_review')).toEqual([]);
    expect((await own.post(`/v1/port-in-orders/${id}/submit`)).status).toBe(202);
    expect(await ids('status=draft')).toEqual([]);
    expect(await ids('status=in_review')).toEqual([id]);
    // Newest first: the new order heads the account's unfiltered list; another account never sees it.
    expect((await own.get('/v1/port-in-orders?limit=1')).body.data.map(orderId)).toEqual([id]);
    expect((await customer().get('/v1/port-in-orders?limit=100')).body.data.map(orderId)).not.toContain(id);
    expect((await support().get('/v1/port-in-orders?limit=1')).body.data.map(orderId)).toEqual([id]);
    // A deleted draft leaves the list.
    const gone = await createDraft(own, '+16465550178');
    expect((await own.get('/v1/port-in-orders?limit=1')).body.data.map(orderId)).toEqual([gone]);
    expect((await own.delete(`/v1/port-in-orders/${gone}`)).status).toBe(204);
    expect((await own.get('/v1/port-in-orders?limit=1')).body.data.map(orderId)).toEqual([id]);
  });
});
