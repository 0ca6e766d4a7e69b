/**
 * The events the carrier sends to the API's POST /v1/carrier/events (signed, Standard Webhooks).
 * One event covers every number of an order that reached the same outcome at the same moment.
 */
import type { IsoDate } from '../domain/calendar';
import type { RejectionCode } from '../domain/rejection-codes';

export const CARRIER_EVENT_TYPES = [
  'number.accepted',
  'number.rejected',
  'number.foc_changed',
  'number.canceled',
  'number.ported',
] as const;
export type CarrierEventType = (typeof CARRIER_EVENT_TYPES)[number];

export interface CarrierEvent {
  type: CarrierEventType;
  orderId: string;
  phoneNumbers: string[];
  focDate?: IsoDate;
  reasonCode?: RejectionCode;
  /** ISO instant on the simulator's clock. */
  occurredAt: string;
}

/** Groups numbers sharing an outcome key (FOC date, reason code) into one event each, in a stable order. */
export function groupIntoEvents<T extends { phoneNumber: string }>(
  items: readonly T[],
  keyOf: (item: T) => string,
  toEvent: (first: T, phoneNumbers: string[]) => CarrierEvent,
): CarrierEvent[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.keys()].sort().map((key) => {
    const members = groups.get(key) ?? [];
    return toEvent(members[0], members.map((m) => m.phoneNumber).sort());
  });
}
