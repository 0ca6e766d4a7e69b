/**
 * One run of an order's workflow: its input and state, and what every part of the workflow shares
 * (numbered state transitions, idempotency keys, the outbox, the flags the main loop waits on).
 * Handlers and the loop change the state only through these synchronous operations.
 */
import type { NumberStatus } from '../domain/statuses';
import type { NumberState, OrderState, PortInOrderInput } from './messages';
import { initialState } from './order-state';
import { createOutbox, type KeyOf, type Outbox } from './outbox';

export interface OrderRun {
  readonly input: PortInOrderInput;
  /** Carried over from the previous run after a continue-as-new, else fresh. */
  readonly state: OrderState;
  /** Something changed since the loop last looked: wakes the loop. */
  dirty: boolean;
  /** Carrier submissions in flight: other carrier calls for the order wait for them (see cancel). */
  submissionsInFlight: number;
  readonly outbox: Outbox;
  key: KeyOf;
  find(phoneNumber: string): NumberState | undefined;
  /** Records a numbered transition (optionally moving the numbers to `status`) and wakes the loop. */
  transition(type: string, numbers: NumberState[], status?: NumberStatus, detail?: string): void;
}

export function orderRun(input: PortInOrderInput): OrderRun {
  const { orderId } = input;
  const state: OrderState = input.carriedState ?? initialState(input, Date.now());
  const key: KeyOf = (step, ...parts) => [orderId, step, ...parts].join(':');
  const run: OrderRun = {
    input,
    state,
    dirty: true,
    submissionsInFlight: 0,
    outbox: createOutbox(orderId, state, key),
    key,
    find: (phoneNumber) => state.numbers.find((n) => n.phoneNumber === phoneNumber),
    transition: (type, numbers, status, detail) => {
      if (status) for (const n of numbers) n.status = status;
      state.seq += 1;
      state.transitions.push({
        seq: state.seq,
        at: Date.now(),
        type,
        phoneNumbers: numbers.map((n) => n.phoneNumber),
        ...(detail ? { detail } : {}),
      });
      run.dirty = true;
    },
  };
  return run;
}

export const isoAt = (ms: number) => new Date(ms).toISOString();
