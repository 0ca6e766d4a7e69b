/**
 * The SimulatorStore contract: what any store of the carrier simulator must do. The in-memory store
 * runs it as a unit test (test/unit/carrier-simulator/store-contract.test.ts), the mongoose store on a
 * real FerretDB (test/e2e/simulator-store.test.ts).
 */
import type { PortRequestRecord } from '../../carrier-simulator/port-requests';
import { SEED_RECORDS, seedIfEmpty } from '../../carrier-simulator/seed';
import type { OutboxEvent, SimulatorStore } from '../../carrier-simulator/store';

export const portRequest = (orderId: string, state: 'pending' | 'ported'): PortRequestRecord => ({
  orderId,
  country: 'US',
  submissions: [
    {
      idempotencyKey: `${orderId}:submit:1`,
      carrierRequestId: 'CR-1',
      attempt: 1,
      phoneNumbers: ['+12175550101'],
      submittedAt: 1,
      answerDueAt: 2,
    },
  ],
  numbers: [
    {
      phoneNumber: '+12175550101',
      state,
      carrierRequestId: 'CR-1',
      decision: 'accept',
      decidedFocDate: '2025-03-12',
      updatedAt: 1,
    },
    {
      // The demo carrier's: its port follows the acceptance at once (carrier-simulator/demo-profile.ts).
      phoneNumber: '+13475550100',
      state,
      carrierRequestId: 'CR-1',
      decision: 'accept',
      decidedFocDate: '2025-03-07',
      portsAtOnce: true,
      updatedAt: 1,
    },
  ],
  createdAt: 1,
  updatedAt: 1,
});

export const outboxEvent = (id: string, orderId: string, seq: number): OutboxEvent => ({
  id,
  orderId,
  type: 'number.accepted',
  body: '{}',
  seq,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: 0,
  createdAt: 1,
});

export function simulatorStoreContract(
  name: string,
  open: () => Promise<SimulatorStore & { close?: () => Promise<void> }>,
) {
  describe(`${name} simulator store`, () => {
    let store: SimulatorStore & { close?: () => Promise<void> };
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close?.();
    });

    it('seeds the CSRs once and returns them intact', async () => {
      expect(await seedIfEmpty(store)).toBe(true);
      expect(await seedIfEmpty(store)).toBe(false);
      expect(await store.countRecords()).toBe(SEED_RECORDS.length);
      const records = await store.listRecords();
      const byId = (id: string) => records.find((r) => r.id === id);
      for (const seed of SEED_RECORDS) expect(byId(seed.id)).toEqual(seed);
    });

    it('saves, replaces and lists open port requests', async () => {
      await store.savePortRequest(portRequest('o-1', 'pending'));
      await store.savePortRequest(portRequest('o-2', 'ported'));
      expect(await store.getPortRequest('o-1')).toEqual(portRequest('o-1', 'pending'));
      expect(await store.getPortRequest('missing')).toBeUndefined();
      expect((await store.listOpenPortRequests()).map((r) => r.orderId)).toEqual(['o-1']);
      await store.savePortRequest(portRequest('o-1', 'ported'));
      expect((await store.getPortRequest('o-1'))?.numbers[0].state).toBe('ported');
      expect(await store.listOpenPortRequests()).toEqual([]);
    });

    it('keeps the first response of an idempotency key', async () => {
      await store.saveIdempotentResponse({
        key: 'k',
        fingerprint: 'f',
        status: 200,
        body: { a: 1 },
        createdAt: 1,
      });
      await store.saveIdempotentResponse({
        key: 'k',
        fingerprint: 'g',
        status: 500,
        body: null,
        createdAt: 2,
      });
      expect(await store.getIdempotentResponse('k')).toEqual({
        key: 'k',
        fingerprint: 'f',
        status: 200,
        body: { a: 1 },
        createdAt: 1,
      });
    });

    it('counts down planned capability failures per number and capability', async () => {
      await store.setCapabilityFailures('+1', 'voice', 2);
      expect(await store.takeCapabilityFailure('+1', 'sms')).toBe(false);
      expect(await store.takeCapabilityFailure('+1', 'voice')).toBe(true);
      expect(await store.takeCapabilityFailure('+1', 'voice')).toBe(true);
      expect(await store.takeCapabilityFailure('+1', 'voice')).toBe(false);
    });

    it('keeps the outbox in sequence and tracks delivery', async () => {
      await store.addOutboxEvents([
        outboxEvent('e2', 'o-1', 2),
        outboxEvent('e1', 'o-1', 1),
        outboxEvent('e3', 'o-2', 3),
      ]);
      expect((await store.listPendingOutboxEvents('o-1')).map((e) => e.id)).toEqual(['e1', 'e2']);
      await store.updateOutboxEvent('e1', { status: 'delivered', attempts: 1, deliveredAt: 5 });
      expect((await store.listPendingOutboxEvents()).map((e) => e.id)).toEqual(['e2', 'e3']);
      expect(await store.maxOutboxSeq()).toBe(3);
    });
  });
}
