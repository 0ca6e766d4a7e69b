/**
 * Issue 14, items 3, 4 and 6 against the real API, store, Temporal and carrier simulator: the submit
 * checklist (and that it never disagrees with submit), port-date options (business days, the
 * carrier's lead time, the change fee as the cancellation quote answers it), and documents back
 * (list, download, tenant isolation, reads by _id).
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import { addBusinessDays, addDays, isBusinessDay, localDate } from '../../domain/calendar';
import { api, eventually, PDF } from '../support/api-client';
import { createDraft, readyDraft, submittedOrder } from '../support/order-fixtures';
import { answerWhenSubmitted, simulatorControl, waitForWorkflowStart } from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';

jest.setTimeout(120_000);

const stack = useStack({ autoAnswer: false });
const customer = () => api(stack.apiUrl, KEYS.customerKey);
const other = () => api(stack.apiUrl, KEYS.secondCustomerKey);
const support = () => api(stack.apiUrl, KEYS.supportKey);
const ops = () => api(stack.apiUrl, KEYS.opsKey);
const today = () => localDate(Date.now(), 'America/New_York');

let n = 0;
const newNumber = () => `+1646555${String(2000 + n++).padStart(4, '0')}`;
const ordersPath = (id: string, suffix = '') => `/v1/port-in-orders/${id}${suffix}`;

interface Requirement {
  requirement: string;
  status: string;
  problems: { code: string; field: string; message: string }[];
}
const unmet = (body: { order: Requirement[]; numbers: { requirements: Requirement[] }[] }) =>
  [...body.order, ...body.numbers.flatMap((x) => x.requirements)].filter((r) => r.status !== 'met');

const storedOrder = (id: string, ok: (o: { numbers: { status?: string; focDate?: string }[] }) => boolean) =>
  eventually(
    async () =>
      ((await stack.store.models.Order.findById(id).lean()) as unknown as {
        numbers: { status?: string; focDate?: string }[];
      } | null) ?? { numbers: [] },
    ok,
    30_000,
  );

describe('requirements checklist', () => {
  it('names what a draft lacks, per number, with the reason', async () => {
    const id = await createDraft(customer(), newNumber());
    const res = await customer().get(ordersPath(id, '/requirements'));
    expect(res.status).toBe(200);
    expect(res.body.submittable).toBe(false);
    const number = res.body.numbers[0];
    const status = (r: string) => number.requirements.find((x: Requirement) => x.requirement === r)?.status;
    expect({
      loa: status('loa'),
      proof: status('proof_of_ownership'),
      phone: status('phone_number'),
    }).toEqual({
      loa: 'missing',
      proof: 'missing',
      phone: 'met',
    });
    expect(res.body.order.find((r: Requirement) => r.requirement === 'service_address').status).toBe('met');
    expect(number.requirements.find((r: Requirement) => r.requirement === 'loa').problems[0].message).toMatch(
      /LOA/,
    );
  });

  it('agrees with submit on orders in varied states: submit refuses exactly when a requirement is unmet, with the same problems', async () => {
    const held = newNumber();
    await submittedOrder(customer(), held);
    const weekend = (() => {
      let d = addDays(today(), 10);
      while (isBusinessDay(d, 'US')) d = addDays(d, 1);
      return d;
    })();
    const drafts: [string, () => Promise<string>][] = [
      ['nothing uploaded', () => createDraft(customer(), newNumber())],
      ['ready', () => readyDraft(customer(), newNumber())],
      [
        'ready, a port date on a weekend',
        () => readyDraft(customer(), newNumber(), { requestedPortDate: weekend }),
      ],
      [
        'ready, no account number',
        () =>
          readyDraft(customer(), newNumber(), { losingCarrier: { name: 'Simulated Telco', pin: '1234' } }),
      ],
      ['its number held by another open order', () => readyDraft(customer(), held)],
      [
        'LOA signed by someone else, bill too old',
        async () => {
          const id = await createDraft(customer(), newNumber());
          await customer().upload(ordersPath(id, '/documents'), { kind: 'loa', signerName: 'Somebody Else' });
          await customer().upload(ordersPath(id, '/documents'), {
            kind: 'bill',
            issuedOn: addDays(today(), -45),
          });
          return id;
        },
      ],
      [
        'two numbers, one without proof',
        async () => {
          const [a, b] = [newNumber(), newNumber()];
          const id = await createDraft(customer(), a, { phoneNumbers: [a, b] });
          await customer().upload(ordersPath(id, '/documents'), { kind: 'loa', signerName: 'Ada Lovelace' });
          await customer().upload(ordersPath(id, '/documents'), {
            kind: 'bill',
            issuedOn: addDays(today(), -1),
            phoneNumbers: a,
          });
          return id;
        },
      ],
    ];
    const seen = { submitted: 0, refused: 0 };
    for (const [what, make] of drafts) {
      const id = await make();
      // Each caller is judged as itself (support has its own limits), by both routes alike.
      for (const caller of [customer(), support()]) {
        const checklist = await caller.get(ordersPath(id, '/requirements'));
        expect(checklist.status).toBe(200);
        const before = await stack.store.models.Order.findById(id).lean();
        const submit = await caller.post(ordersPath(id, '/submit'));
        if (unmet(checklist.body).length > 0) {
          expect({ what, status: submit.status, submittable: checklist.body.submittable }).toEqual({
            what,
            status: 422,
            submittable: false,
          });
          expect({ what, problems: submit.body.errors }).toEqual({ what, problems: checklist.body.problems });
          expect(await stack.store.models.Order.findById(id).lean()).toEqual(before);
          seen.refused++;
        } else {
          expect({ what, status: submit.status, submittable: checklist.body.submittable }).toEqual({
            what,
            status: 202,
            submittable: true,
          });
          seen.submitted++;
          break; // submitted: another caller would only meet `already_submitted`
        }
      }
    }
    expect(seen.submitted).toBeGreaterThanOrEqual(1);
    expect(seen.refused).toBeGreaterThanOrEqual(drafts.length);
  });

  it('answers a submitted order as not submittable', async () => {
    const id = await submittedOrder(customer(), newNumber());
    const res = await ops().get(ordersPath(id, '/requirements'));
    expect(res.status).toBe(200);
    expect({ status: res.body.status, submittable: res.body.submittable }).toEqual({
      status: 'in_review',
      submittable: false,
    });
  });
});

describe('port-date options', () => {
  it('on a draft: business days from the carrier’s lead time, each one accepted as the requested date', async () => {
    const id = await readyDraft(customer(), newNumber());
    const res = await customer().get(ordersPath(id, '/port-date-options'));
    expect(res.status).toBe(200);
    const dates: string[] = res.body.dates.map((d: { date: string }) => d.date);
    expect(res.body.purpose).toBe('requested_port_date');
    expect(dates[0]).toBe(addBusinessDays(today(), 3, 'US'));
    expect(dates.every((d) => isBusinessDay(d, 'US') && d > today())).toBe(true);
    for (let d = dates[0]; d <= res.body.latest; d = addDays(d, 1))
      expect({ d, listed: dates.includes(d) }).toEqual({ d, listed: isBusinessDay(d, 'US') });
    for (const h of res.body.holidays) expect(dates).not.toContain(h);
    // A listed date passes the checklist (and so submit); an unlisted weekday holiday or weekend does not.
    const patch = await customer()
      .patch(ordersPath(id))
      .send({ requestedPortDate: dates[dates.length - 1] });
    expect(patch.status).toBe(200);
    const checklist = await customer().get(ordersPath(id, '/requirements'));
    expect(
      checklist.body.order.find((r: Requirement) => r.requirement === 'requested_port_date').status,
    ).toBe('met');
  });

  it('once accepted: dates from the FOC, each quoting the cancellation quote’s fee; the first is accepted, a weekend refused', async () => {
    const id = await submittedOrder(customer(), newNumber());
    await waitForWorkflowStart(stack, id);
    expect((await support().post(ordersPath(id, '/review'), { decision: 'approve' })).status).toBe(200);
    await storedOrder(id, (o) => o.numbers[0]?.status === 'submitted_to_carrier');
    await answerWhenSubmitted(stack, id);
    const { numbers } = await storedOrder(id, (o) => o.numbers[0]?.status === 'accepted');
    const focDate = numbers[0].focDate!;
    for (const caller of [customer(), support()]) {
      const res = await caller.get(ordersPath(id, '/port-date-options'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ purpose: 'port_date_change', focDate });
      const quote = await caller.get(ordersPath(id, '/cancellation-quote'));
      expect(res.body.quote.totalCents).toBe(quote.body.totalCents);
      expect(res.body.quote.totalCents).toBeGreaterThan(0);
      expect(res.body.dates[0].date >= focDate).toBe(true);
      expect(res.body.dates.every((d: { feeCents: number }) => d.feeCents === quote.body.totalCents)).toBe(
        true,
      );
    }
    const options = (await customer().get(ordersPath(id, '/port-date-options'))).body;
    let weekend = options.dates[0].date;
    while (isBusinessDay(weekend, 'US')) weekend = addDays(weekend, 1);
    const refused = await customer().post(ordersPath(id, '/port-date'), { portDate: weekend });
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 409,
      code: 'invalid_port_date',
    });
    const later = options.dates[5].date;
    const changed = await customer().post(ordersPath(id, '/port-date'), { portDate: later });
    expect(changed.status).toBe(200);
    expect(changed.body.totalCents).toBe(options.quote.totalCents);
  });

  it('inside 72 h: support’s fee is the cancellation quote’s, and the customer is told it may not change', async () => {
    const id = await submittedOrder(customer(), newNumber());
    await waitForWorkflowStart(stack, id);
    expect((await support().post(ordersPath(id, '/review'), { decision: 'approve' })).status).toBe(200);
    await storedOrder(id, (o) => o.numbers[0]?.status === 'submitted_to_carrier');
    await answerWhenSubmitted(stack, id);
    await storedOrder(id, (o) => o.numbers[0]?.status === 'accepted');
    const focDate = addDays(today(), 1);
    await simulatorControl(stack, `/port-requests/${id}/move-foc`, { focDate });
    await storedOrder(id, (o) => o.numbers[0]?.focDate === focDate);
    const mine = (await customer().get(ordersPath(id, '/port-date-options'))).body;
    expect(mine.quote.allowed).toBe(false);
    expect(mine.quote.numbers[0].refusal).toBe('customer_inside_72h');
    const staff = (await support().get(ordersPath(id, '/port-date-options'))).body;
    const quote = (await support().get(ordersPath(id, '/cancellation-quote'))).body;
    expect(staff.quote.allowed).toBe(true);
    expect([98_00, 520_00]).toContain(staff.quote.totalCents);
    expect(staff.quote.totalCents).toBe(quote.totalCents);
  });
});

describe('documents back', () => {
  // A PNG over several storage chunks (255 KiB each), so a download reassembles them in order.
  const PNG = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from(Array.from({ length: 700_000 }, (_, i) => (i * 7919) % 251)),
  ]);
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  };
  const download = (key: string, path: string) =>
    request(stack.apiUrl).get(path).set('Authorization', `Bearer ${key}`).buffer(true).parse(binary);

  it('lists the documents and streams each back as stored, reading by _id only', async () => {
    const id = await createDraft(customer(), newNumber());
    const loa = await customer().upload(ordersPath(id, '/documents'), {
      kind: 'loa',
      signerName: 'Ada Lovelace',
    });
    const bill = await customer().upload(
      ordersPath(id, '/documents'),
      { kind: 'bill', issuedOn: addDays(today(), -2) },
      PNG,
      'bill.png',
    );
    expect([loa.status, bill.status]).toEqual([201, 201]);
    const list = await customer().get(ordersPath(id, '/documents'));
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({
        id: loa.body.id,
        kind: 'loa',
        contentType: 'application/pdf',
        size: PDF.length,
        sha256: sha(PDF),
      }),
      expect.objectContaining({
        id: bill.body.id,
        kind: 'bill',
        contentType: 'image/png',
        size: PNG.length,
        sha256: sha(PNG),
      }),
    ]);
    for (const d of list.body.data) expect(Date.parse(d.uploadedAt)).toBeGreaterThan(Date.now() - 120_000);

    const queries: { collection: string; filter: unknown }[] = [];
    stack.store.connection.set('debug', (collection: string, _method: string, filter: unknown) =>
      queries.push({ collection, filter }),
    );
    try {
      for (const [key, doc, bytes, ext] of [
        [KEYS.customerKey, loa.body.id, PDF, 'pdf'],
        [KEYS.supportKey, bill.body.id, PNG, 'png'],
      ] as const) {
        const res = await download(key, ordersPath(id, `/documents/${doc}`));
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe(ext === 'pdf' ? 'application/pdf' : 'image/png');
        expect(res.headers['content-disposition']).toBe(`attachment; filename="${doc}.${ext}"`);
        expect(res.headers.etag).toBe(`"${sha(bytes)}"`);
        expect(sha(res.body as Buffer)).toBe(sha(bytes));
      }
    } finally {
      stack.store.connection.set('debug', false);
    }
    const byOtherThanId = queries.filter(
      (q) => typeof (q.filter as { _id?: unknown } | undefined)?._id !== 'string',
    );
    expect(byOtherThanId).toEqual([]);
    expect(queries.some((q) => q.collection === 'document_chunks')).toBe(true);
  });

  it('is refused to another account (404 like a missing order), to ops (403), and for bad ids (4xx)', async () => {
    const id = await readyDraft(customer(), newNumber());
    const elsewhere = await readyDraft(customer(), newNumber());
    const [doc] = (await customer().get(ordersPath(id, '/documents'))).body.data;
    const [otherDoc] = (await customer().get(ordersPath(elsewhere, '/documents'))).body.data;
    for (const path of ['/documents', `/documents/${doc.id}`, '/requirements', '/port-date-options']) {
      const theirs = await download(KEYS.secondCustomerKey, ordersPath(id, path));
      const missing = await download(KEYS.secondCustomerKey, ordersPath('pio_does_not_exist', path));
      expect({ path, status: theirs.status, body: JSON.parse(String(theirs.body)) }).toEqual({
        path,
        status: 404,
        body: JSON.parse(String(missing.body)),
      });
    }
    expect((await other().get(ordersPath(id, '/documents'))).status).toBe(404);
    expect((await ops().get(ordersPath(id, '/documents'))).status).toBe(403);
    expect((await ops().get(ordersPath(id, `/documents/${doc.id}`))).status).toBe(403);
    // Another order's document through this order, unknown and hostile ids: 404s (400 for a broken escape).
    for (const [path, status] of [
      [ordersPath(id, `/documents/${otherDoc.id}`), 404],
      [ordersPath(id, '/documents/doc_nope'), 404],
      [ordersPath(id, '/documents/..%2F..%2Fetc%2Fpasswd'), 404],
      [ordersPath(id, '/documents/%FF'), 400],
      [ordersPath(id, '/documents/'), 404],
      [ordersPath('%FF', '/documents'), 400],
      [ordersPath('%FF', '/requirements'), 400],
      [ordersPath('%FF', '/port-date-options'), 400],
      [ordersPath('pio_nope', '/requirements'), 404],
      [ordersPath('pio_nope', '/port-date-options'), 404],
    ] as const) {
      const res = await download(KEYS.supportKey, path);
      expect({ path, status: res.status, type: res.headers['content-type'] }).toEqual({
        path,
        status,
        type: expect.stringContaining('application/problem+json'),
      });
    }
  });

  it('still serves the documents after submit', async () => {
    const id = await submittedOrder(customer(), newNumber());
    const list = await customer().get(ordersPath(id, '/documents'));
    expect(list.body.data.map((d: { kind: string }) => d.kind)).toEqual(['loa', 'bill']);
    const res = await download(KEYS.customerKey, ordersPath(id, `/documents/${list.body.data[0].id}`));
    expect(res.status).toBe(200);
    expect(sha(res.body as Buffer)).toBe(sha(PDF));
  });
});
