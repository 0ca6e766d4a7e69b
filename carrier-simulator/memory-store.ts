/** In-memory SimulatorStore for unit tests. Values are copied in and out so callers never share state. */
import type { PortRequestRecord } from './port-requests';
import { isOpenNumberState } from './port-requests';
import type { CustomerServiceRecord } from './records';
import type { Capability, IdempotentResponse, OutboxEvent, SimulatorStore } from './store';

export function createMemorySimulatorStore(
  options: { records?: readonly CustomerServiceRecord[] } = {},
): SimulatorStore {
  const records: CustomerServiceRecord[] = structuredClone([...(options.records ?? [])]);
  const requests = new Map<string, PortRequestRecord>();
  const responses = new Map<string, IdempotentResponse>();
  const failures = new Map<string, number>();
  const outbox = new Map<string, OutboxEvent>();
  const copy = <T>(value: T): T => structuredClone(value);
  const failureKey = (phoneNumber: string, capability: Capability) => `${phoneNumber}:${capability}`;

  return {
    async countRecords() {
      return records.length;
    },
    async insertRecords(newRecords) {
      records.push(...copy([...newRecords]));
    },
    async listRecords() {
      return copy(records);
    },
    async getPortRequest(orderId) {
      const found = requests.get(orderId);
      return found && copy(found);
    },
    async savePortRequest(request) {
      requests.set(request.orderId, copy(request));
    },
    async listOpenPortRequests() {
      return [...requests.values()]
        .filter((r) => r.numbers.some((n) => isOpenNumberState(n.state)))
        .map((r) => copy(r));
    },
    async getIdempotentResponse(key) {
      const found = responses.get(key);
      return found && copy(found);
    },
    async saveIdempotentResponse(response) {
      if (!responses.has(response.key)) responses.set(response.key, copy(response));
    },
    async setCapabilityFailures(phoneNumber, capability, times) {
      failures.set(failureKey(phoneNumber, capability), times);
    },
    async takeCapabilityFailure(phoneNumber, capability) {
      const key = failureKey(phoneNumber, capability);
      const left = failures.get(key) ?? 0;
      if (left <= 0) return false;
      failures.set(key, left - 1);
      return true;
    },
    async addOutboxEvents(events) {
      for (const event of events) outbox.set(event.id, copy(event));
    },
    async updateOutboxEvent(id, patch) {
      const found = outbox.get(id);
      if (found) outbox.set(id, { ...found, ...copy(patch) });
    },
    async listPendingOutboxEvents(orderId) {
      return [...outbox.values()]
        .filter((e) => e.status === 'pending' && (orderId === undefined || e.orderId === orderId))
        .sort((a, b) => a.seq - b.seq)
        .map((r) => copy(r));
    },
    async maxOutboxSeq() {
      return Math.max(0, ...[...outbox.values()].map((e) => e.seq));
    },
  };
}
