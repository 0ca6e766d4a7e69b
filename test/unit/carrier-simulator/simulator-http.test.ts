/**
 * Round trip over real HTTP: the gateway the activities use → the simulator (in-memory store) →
 * signed events to a local receiver standing in for the API's POST /v1/carrier/events.
 */
import { createHttpCarrierGateway } from '../../../carrier/http-gateway';
import { CarrierRequestRefused, type CarrierGateway } from '../../../carrier/gateway';
import { createSimulator, type RunningSimulator, type Simulator } from '../../../carrier-simulator/app';
import type { CarrierEvent } from '../../../carrier-simulator/events';
import type { PortRequestView } from '../../../carrier-simulator/http-api';
import { createMemorySimulatorStore } from '../../../carrier-simulator/memory-store';
import { SEED_RECORDS } from '../../../carrier-simulator/seed';
import type { SimulatorStore } from '../../../carrier-simulator/store';
import { verify } from '../../../security/standard-webhooks';
import { portRequest, sleep, startReceiver, waitFor, type Delivery } from './helpers';

const SECRET = 'whsec_' + Buffer.from('carrier-simulator-test-secret').toString('base64');
// Friday 2025-03-07, 10:00 in New York, running forward in real time: the granted FOC is Wednesday 2025-03-12.
const START = Date.parse('2025-03-07T15:00:00Z');

interface Harness {
  receiver: Awaited<ReturnType<typeof startReceiver>>;
  simulator: Simulator;
  running: RunningSimulator;
  gateway: CarrierGateway;
  store: SimulatorStore;
  events(): CarrierEvent[];
  control(path: string, body?: unknown): Promise<Response>;
}

async function startHarness(
  options: { autoAnswer?: boolean; apiKey?: string; start?: number } = {},
): Promise<Harness> {
  const receiver = await startReceiver();
  const store = createMemorySimulatorStore({ records: SEED_RECORDS });
  const t0 = Date.now();
  const simulator = createSimulator({
    store,
    eventsUrl: receiver.url,
    webhookSecret: SECRET,
    delays: { answerMs: 20, portMs: 20 },
    focLeadBusinessDays: 3,
    autoAnswer: options.autoAnswer ?? true,
    now: () => (options.start ?? START) + (Date.now() - t0),
    apiKey: options.apiKey,
    delivery: { initialBackoffMs: 10, maxBackoffMs: 20, maxAttempts: 4, timeoutMs: 1000 },
  });
  const running = await simulator.start(0);
  const gateway = createHttpCarrierGateway({ baseUrl: running.url, apiKey: options.apiKey, timeoutMs: 2000 });
  return {
    receiver,
    simulator,
    running,
    gateway,
    store,
    events: () => receiver.deliveries.map((d) => JSON.parse(d.body) as CarrierEvent),
    control: (path, body) =>
      fetch(`${running.url}/control${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
        },
        body: JSON.stringify(body ?? {}),
      }),
  };
}

async function stopHarness(h: Harness | undefined): Promise<void> {
  if (!h) return;
  await h.running.close();
  await h.receiver.close();
}

/** GET /port-requests/:orderId in full (the gateway only exposes the number states). */
async function portRequestOf(h: Harness, orderId: string): Promise<PortRequestView> {
  return (await (await fetch(`${h.running.url}/port-requests/${orderId}`)).json()) as PortRequestView;
}

const eventsOf = (h: Harness, orderId: string) => h.events().filter((e) => e.orderId === orderId);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => {
      if (!(error instanceof CarrierRequestRefused)) throw error;
      return { code: error.code, status: error.httpStatus };
    },
  );

describe('carrier simulator over HTTP', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await stopHarness(h);
    h = undefined;
  });

  it('accepts, re-dates and ports a clean order, sending signed events the API can verify', async () => {
    h = await startHarness();
    const req = portRequest('us-happy', ['+12175550100', '+12175550101', '+12175550103']);
    const { carrierRequestId } = await h.gateway.submitPortRequest(req);
    expect(carrierRequestId).toMatch(/^CR-[0-9A-F]{16}$/);
    const [accepted] = await waitFor(
      () => eventsOf(h!, req.orderId).length === 1 && eventsOf(h!, req.orderId),
    );
    expect(accepted).toEqual({
      type: 'number.accepted',
      orderId: req.orderId,
      phoneNumbers: ['+12175550100', '+12175550101', '+12175550103'],
      focDate: '2025-03-12',
      occurredAt: expect.stringMatching(/^2025-03-07T15:00:00\.\d{3}Z$/),
    });
    expect((await h.gateway.queryPortRequest(req.orderId)).map((s) => [s.state, s.focDate])).toEqual([
      ['accepted', '2025-03-12'],
      ['accepted', '2025-03-12'],
      ['accepted', '2025-03-12'],
    ]);

    // The FOC is days away: nothing more happens until the carrier moves it to today.
    await sleep(60);
    expect(eventsOf(h, req.orderId)).toHaveLength(1);
    expect(
      (await h.control(`/port-requests/${req.orderId}/move-foc`, { focDate: '2025-03-07' })).status,
    ).toBe(200);
    const all = await waitFor(() => eventsOf(h!, req.orderId).length === 3 && eventsOf(h!, req.orderId));
    expect(all.map((e) => [e.type, e.focDate])).toEqual([
      ['number.accepted', '2025-03-12'],
      ['number.foc_changed', '2025-03-07'],
      ['number.ported', undefined],
    ]);
    expect(all[2].phoneNumbers).toEqual(req.phoneNumbers);
    expect((await h.gateway.queryPortRequest(req.orderId)).every((s) => s.state === 'ported')).toBe(true);

    for (const delivery of h.receiver.deliveries)
      expect(verify(SECRET, delivery.headers, delivery.body)).toBeUndefined();
    expect(
      verify(
        'whsec_' + Buffer.from('another secret').toString('base64'),
        h.receiver.deliveries[0].headers,
        h.receiver.deliveries[0].body,
      ),
    ).toBe('bad_signature');
    const ids = h.receiver.deliveries.map((d) => d.headers['webhook-id']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['in the morning', START, '2025-03-07'],
    // 21:00 in New York, after the end of business of an FOC of today: still today, ported at once.
    ['in the evening', Date.parse('2025-03-08T02:00:00Z'), '2025-03-07'],
  ])(
    "grants the demo carrier's numbers today's FOC and confirms the port with it (%s)",
    async (_when, start, today) => {
      h = await startHarness({ start });
      const req = portRequest('us-happy', ['+13475550100', '+13475550101'], {
        authorizedPerson: { firstName: 'Ada', lastName: 'Lovelace' },
        serviceAddress: {
          line1: '350 Fifth Avenue',
          city: 'New York',
          region: 'NY',
          postalCode: '10118',
          country: 'US',
        },
        btn: undefined,
      });
      await h.gateway.submitPortRequest(req);
      const events = await waitFor(() => eventsOf(h!, req.orderId).length === 2 && eventsOf(h!, req.orderId));
      expect(events.map((e) => [e.type, e.phoneNumbers, e.focDate])).toEqual([
        ['number.accepted', req.phoneNumbers, today],
        ['number.ported', req.phoneNumbers, undefined],
      ]);
      expect(events[1].occurredAt).toBe(events[0].occurredAt);
      const orderId = `${req.orderId}-r`;
      await h.gateway.submitPortRequest({
        ...req,
        orderId,
        idempotencyKey: `${orderId}:submit:1`,
        phoneNumbers: ['+13475550122'],
      });
      const [refusal] = await waitFor(() => eventsOf(h!, orderId).length === 1 && eventsOf(h!, orderId));
      expect([refusal.type, refusal.reasonCode]).toEqual(['number.rejected', 'name_mismatch']);
    },
  );

  it('groups numbers by outcome: one accepted event, one rejected event per reason', async () => {
    h = await startHarness();
    const req = portRequest('us-inactive', ['+13125550110', '+13125550111']);
    await h.gateway.submitPortRequest(req);
    const events = await waitFor(() => eventsOf(h!, req.orderId).length === 2 && eventsOf(h!, req.orderId));
    expect(events.map(({ type, phoneNumbers, reasonCode }) => ({ type, phoneNumbers, reasonCode }))).toEqual([
      { type: 'number.accepted', phoneNumbers: ['+13125550110'], reasonCode: undefined },
      { type: 'number.rejected', phoneNumbers: ['+13125550111'], reasonCode: 'number_inactive' },
    ]);
    expect(await h.gateway.queryPortRequest(req.orderId)).toEqual([
      { phoneNumber: '+13125550110', state: 'accepted', focDate: '2025-03-12' },
      { phoneNumber: '+13125550111', state: 'rejected', reasonCode: 'number_inactive' },
    ]);
  });

  it('treats a repeated submission as the same request, and refuses a key reused for another', async () => {
    h = await startHarness();
    const req = portRequest('us-happy', ['+12175550101', '+12175550103'], { pin: '0000' });
    const first = await h.gateway.submitPortRequest(req);
    const again = await h.gateway.submitPortRequest(req);
    expect(again).toEqual(first);
    const conflict = await refusal(h.gateway.submitPortRequest({ ...req, phoneNumbers: ['+12175550101'] }));
    expect(conflict).toEqual({ code: 'idempotency_conflict', status: 409 });

    await waitFor(() => eventsOf(h!, req.orderId).length === 1);
    await sleep(30);
    const status = await portRequestOf(h, req.orderId);
    expect(status.submissions).toHaveLength(1);
    // One answer, one event: a wrong PIN fails the landline too, so both share the reason.
    expect(eventsOf(h, req.orderId).map((e) => [e.type, e.phoneNumbers, e.reasonCode])).toEqual([
      ['number.rejected', ['+12175550101', '+12175550103'], 'wrong_wireless_pin'],
    ]);
  });

  it('re-decides only the rejected numbers when the order is resubmitted with corrected details', async () => {
    h = await startHarness();
    const first = portRequest('us-happy', ['+12175550101', '+12175550103'], { pin: undefined });
    await h.gateway.submitPortRequest(first);
    await waitFor(() => eventsOf(h!, first.orderId).length === 2);
    expect(eventsOf(h, first.orderId).map((e) => [e.type, e.phoneNumbers, e.reasonCode])).toEqual([
      ['number.accepted', ['+12175550101'], undefined],
      ['number.rejected', ['+12175550103'], 'wrong_wireless_pin'],
    ]);

    const second = portRequest('us-happy', ['+12175550101', '+12175550103'], {
      orderId: first.orderId,
      attempt: 2,
    });
    const { carrierRequestId } = await h.gateway.submitPortRequest(second);
    const events = await waitFor(
      () => eventsOf(h!, first.orderId).length === 3 && eventsOf(h!, first.orderId),
    );
    expect(events[2]).toMatchObject({
      type: 'number.accepted',
      phoneNumbers: ['+12175550103'],
      focDate: '2025-03-12',
    });
    const status = await portRequestOf(h, first.orderId);
    expect(status.submissions.map((s) => [s.attempt, s.phoneNumbers])).toEqual([
      [1, ['+12175550101', '+12175550103']],
      [2, ['+12175550103']],
    ]);
    expect(status.submissions[1].carrierRequestId).toBe(carrierRequestId);
  });

  it('fails the next N capability tests of a number on request, and replays a repeated test', async () => {
    h = await startHarness();
    const phoneNumber = '+12175550101';
    const planned = await h.control(`/numbers/${encodeURIComponent(phoneNumber)}/fail-capability`, {
      capability: 'voice',
      times: 2,
    });
    expect(planned.status).toBe(200);
    const test = (key: string) =>
      h!.gateway.testCapabilities({
        idempotencyKey: key,
        numbers: [{ phoneNumber, capabilities: 'voice+sms' }],
      });

    expect(await test('cap-1')).toEqual([{ phoneNumber, voice: false, sms: true }]);
    expect(await test('cap-1')).toEqual([{ phoneNumber, voice: false, sms: true }]); // replay: no failure consumed
    expect(await test('cap-2')).toEqual([{ phoneNumber, voice: false, sms: true }]);
    expect(await test('cap-3')).toEqual([{ phoneNumber, voice: true, sms: true }]);

    await h.control(`/numbers/${encodeURIComponent(phoneNumber)}/fail-capability`, {
      capability: 'sms',
      times: 1,
    });
    expect(
      await h.gateway.testCapabilities({
        idempotencyKey: 'cap-4',
        numbers: [
          { phoneNumber, capabilities: 'voice' },
          { phoneNumber: '+12175550102', capabilities: 'voice+sms' },
        ],
      }),
    ).toEqual([
      { phoneNumber, voice: true },
      { phoneNumber: '+12175550102', voice: true, sms: true },
    ]);
    expect(await test('cap-5')).toEqual([{ phoneNumber, voice: true, sms: false }]);
  });

  it('changes the port date (supp) only to a business day on or after the FOC', async () => {
    // Answered by a control call: with automatic answers the FOC could arrive before the first supp.
    h = await startHarness({ autoAnswer: false });
    const req = portRequest('us-happy', ['+12175550100', '+12175550101']);
    await h.gateway.submitPortRequest(req);
    const supp = (portDate: string, key = `${req.orderId}:supp:${portDate}`) =>
      h!.gateway.changePortDate({
        idempotencyKey: key,
        orderId: req.orderId,
        phoneNumbers: req.phoneNumbers,
        portDate,
      });

    expect(await refusal(supp('2025-03-14'))).toEqual({ code: 'not_accepted', status: 422 }); // no FOC yet
    expect((await h.control(`/port-requests/${req.orderId}/answer`)).status).toBe(200);
    await waitFor(() => eventsOf(h!, req.orderId).length === 1);
    expect(await refusal(supp('2025-03-15'))).toEqual({ code: 'not_business_day', status: 422 }); // Saturday
    expect(await refusal(supp('2025-03-11'))).toEqual({ code: 'before_foc', status: 422 });
    expect(await refusal(supp('2025-03-06'))).toEqual({ code: 'in_the_past', status: 422 });
    expect(await refusal(supp('2025-02-30'))).toEqual({ code: 'invalid_request', status: 400 });
    expect(await supp('2025-03-14')).toEqual({ focDate: '2025-03-14' });
    expect(await supp('2025-03-14')).toEqual({ focDate: '2025-03-14' }); // replay
    expect((await h.gateway.queryPortRequest(req.orderId)).map((s) => s.focDate)).toEqual([
      '2025-03-14',
      '2025-03-14',
    ]);
    expect(eventsOf(h, req.orderId)).toHaveLength(1); // the asker learns the FOC from the response, not an event
  });

  it('cancels on request without an event, and refuses to cancel a ported number', async () => {
    h = await startHarness();
    const req = portRequest('us-happy', ['+12175550100', '+12175550101']);
    await h.gateway.submitPortRequest(req);
    await waitFor(() => eventsOf(h!, req.orderId).length === 1);
    await h.control(`/port-requests/${req.orderId}/complete`, { phoneNumbers: ['+12175550100'] });
    await waitFor(() => eventsOf(h!, req.orderId).length === 2);

    const cancel = (phoneNumbers: string[]) =>
      h!.gateway.cancelPortRequest({
        idempotencyKey: `${req.orderId}:cancel:${phoneNumbers}`,
        orderId: req.orderId,
        phoneNumbers,
      });
    expect(await refusal(cancel(['+12175550100']))).toEqual({ code: 'already_ported', status: 422 });
    await cancel(['+12175550101']);
    await cancel(['+12175550101']);
    expect(await h.gateway.queryPortRequest(req.orderId)).toEqual([
      { phoneNumber: '+12175550100', state: 'ported', focDate: '2025-03-12' },
      { phoneNumber: '+12175550101', state: 'canceled' },
    ]);
    await sleep(30);
    expect(eventsOf(h, req.orderId).map((e) => e.type)).toEqual(['number.accepted', 'number.ported']);
    expect(await refusal(h.gateway.queryPortRequest('no-such-order'))).toEqual({
      code: 'port_request_not_found',
      status: 404,
    });
  });

  it('sends number.canceled when the carrier cancels on its own', async () => {
    h = await startHarness();
    const req = portRequest('ca-happy', ['+15145550101', '+15145550102']);
    await h.gateway.submitPortRequest(req);
    await waitFor(() => eventsOf(h!, req.orderId).length === 1);
    expect((await h.control(`/port-requests/${req.orderId}/cancel`)).status).toBe(200);
    const events = await waitFor(() => eventsOf(h!, req.orderId).length === 2 && eventsOf(h!, req.orderId));
    expect(events[1]).toMatchObject({ type: 'number.canceled', phoneNumbers: req.phoneNumbers });
    expect((await h.control(`/port-requests/${req.orderId}/cancel`)).status).toBe(409);
  });

  it('with autoAnswer off only records requests until a control call answers them', async () => {
    h = await startHarness({ autoAnswer: false });
    const req = portRequest('au-happy', ['+61255501234', '+61491570156']);
    await h.gateway.submitPortRequest(req);
    await sleep(60);
    expect(h.receiver.deliveries).toHaveLength(0);
    expect((await h.gateway.queryPortRequest(req.orderId)).every((s) => s.state === 'pending')).toBe(true);

    expect((await h.control(`/port-requests/${req.orderId}/answer`)).status).toBe(200);
    const [accepted] = await waitFor(
      () => eventsOf(h!, req.orderId).length === 1 && eventsOf(h!, req.orderId),
    );
    // Friday 2025-03-08 02:00 in Sydney: the FOC is three Sydney business days later.
    expect(accepted).toMatchObject({ type: 'number.accepted', focDate: '2025-03-13' });
    expect((await h.control(`/port-requests/${req.orderId}/complete`)).status).toBe(200);
    await waitFor(() => eventsOf(h!, req.orderId).length === 2);
    await sleep(40);
    expect(eventsOf(h, req.orderId).map((e) => e.type)).toEqual(['number.accepted', 'number.ported']);
  });

  it('retries a refused delivery with the same webhook-id until the API takes it', async () => {
    h = await startHarness();
    h.receiver.planStatuses(503, 500);
    const req = portRequest('us-happy', ['+12175550101']);
    await h.gateway.submitPortRequest(req);
    const deliveries: Delivery[] = await waitFor(
      () => h!.receiver.deliveries.length === 3 && h!.receiver.deliveries,
    );
    expect(new Set(deliveries.map((d) => d.headers['webhook-id'])).size).toBe(1);
    expect(new Set(deliveries.map((d) => d.body)).size).toBe(1);
    for (const d of deliveries) expect(verify(SECRET, d.headers, d.body)).toBeUndefined();
    await waitFor(async () => (await h!.store.listPendingOutboxEvents()).length === 0);
  });

  it('gives up on a delivery after the attempt limit and goes on with the next event', async () => {
    h = await startHarness();
    h.receiver.planStatuses(500, 500, 500, 500);
    const req = portRequest('us-happy', ['+12175550101']);
    await h.gateway.submitPortRequest(req);
    await waitFor(() => h!.receiver.deliveries.length === 4);
    await h.control(`/port-requests/${req.orderId}/complete`);
    const last = await waitFor(() => h!.receiver.deliveries.length === 5 && h!.receiver.deliveries[4]);
    expect(JSON.parse(last.body)).toMatchObject({ type: 'number.ported' });
  });

  it('picks up answers and deliveries left by a previous run of the same store', async () => {
    h = await startHarness({ autoAnswer: false });
    const req = portRequest('us-happy', ['+12175550101']);
    await h.gateway.submitPortRequest(req);
    h.receiver.planStatuses(503);
    await h.control(`/port-requests/${req.orderId}/answer`);
    await waitFor(() => h!.receiver.deliveries.length === 1);
    await h.running.close(); // stops before the retry (closing again later is a no-op)

    const second = createSimulator({
      store: h.store,
      eventsUrl: h.receiver.url,
      webhookSecret: SECRET,
      delays: { answerMs: 20, portMs: 20 },
      autoAnswer: true,
      now: () => START,
    });
    const running = await second.start(0);
    try {
      const deliveries = await waitFor(() => h!.receiver.deliveries.length === 2 && h!.receiver.deliveries);
      expect(deliveries[1].headers['webhook-id']).toBe(deliveries[0].headers['webhook-id']);
      expect(JSON.parse(deliveries[1].body)).toMatchObject({
        type: 'number.accepted',
        focDate: '2025-03-12',
      });
    } finally {
      await running.close();
    }
  });

  it('looks up more numbers than the carrier takes in one request, in batches, in order', async () => {
    h = await startHarness();
    const numbers = Array.from({ length: 1_201 }, (_, i) => `+1217555${String(i).padStart(4, '0')}`);
    const answers = await h.gateway.lookupNumbers(numbers);
    expect(answers.map((a) => a.phoneNumber)).toEqual(numbers);
    expect(await h.gateway.lookupNumbers([])).toEqual([]);
  });

  it('answers LNP look-ups from the CSRs, and as a generic landline otherwise', async () => {
    h = await startHarness();
    expect(
      await h.gateway.lookupNumbers([
        '+12175550103',
        '+17205550150',
        '+12025550199',
        '+18005550100',
        '+61491570156',
      ]),
    ).toEqual([
      {
        phoneNumber: '+12175550103',
        country: 'US',
        lineType: 'wireless',
        losingCarrier: 'Prairie Bell Telephone',
        portableAtCarrier: true,
      },
      {
        phoneNumber: '+17205550150',
        country: 'US',
        lineType: 'landline',
        losingCarrier: 'Front Range Telephone Co-op',
        portableAtCarrier: false,
      },
      {
        phoneNumber: '+12025550199',
        country: 'US',
        lineType: 'landline',
        losingCarrier: 'Simulated Telco',
        portableAtCarrier: true,
      },
      {
        phoneNumber: '+18005550100',
        country: 'US',
        lineType: 'toll_free',
        losingCarrier: 'Simulated Telco',
        portableAtCarrier: true,
      },
      {
        phoneNumber: '+61491570156',
        country: 'AU',
        lineType: 'wireless',
        losingCarrier: 'Southern Cross Telecom',
        portableAtCarrier: true,
      },
    ]);
  });

  it('refuses malformed requests as a business refusal (400)', async () => {
    h = await startHarness();
    const req = portRequest('us-happy', ['+12175550101', '+12175550101']);
    expect(await refusal(h.gateway.submitPortRequest(req))).toEqual({ code: 'invalid_request', status: 400 });
    expect(await refusal(h.gateway.submitPortRequest({ ...req, phoneNumbers: ['217-555-0101'] }))).toEqual({
      code: 'invalid_request',
      status: 400,
    });
  });

  it('requires the API key when one is configured (health checks excepted)', async () => {
    h = await startHarness({ apiKey: 'sim-key' });
    expect((await fetch(`${h.running.url}/healthz`)).status).toBe(200);
    const anonymous = createHttpCarrierGateway({ baseUrl: h.running.url });
    expect(await refusal(anonymous.lookupNumbers(['+12175550101']))).toEqual({
      code: 'unauthorized',
      status: 401,
    });
    expect(await h.gateway.lookupNumbers(['+12175550101'])).toHaveLength(1);
  });
});
