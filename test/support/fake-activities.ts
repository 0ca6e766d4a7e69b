/**
 * In-memory stand-ins for the activities, recording every call, for workflow tests on the
 * time-skipping server. Behaviour is steered per test through the `script` hooks.
 */
import { ApplicationFailure, activityInfo } from '@temporalio/activity';
import type {
  CapabilityResult,
  CarrierNumberAnswer,
  CustomerNotice,
  PortInActivities,
} from '../../activities/types';
import type { OrderSnapshot } from '../../workflows/messages';
import { expandNumbers, expandWaitingFor } from '../../workflows/snapshot-delta';

type ActivityName = keyof PortInActivities;
export type ActivityInput<K extends ActivityName> = Parameters<PortInActivities[K]>[0];

export interface Recorded {
  name: ActivityName;
  input: unknown;
  /**
   * When the server scheduled this attempt, on the server's (time-skipped) clock: the workflow's
   * own time when it called the activity, which the test process's Date.now() knows nothing about.
   */
  at: number;
}

export interface FakeScript {
  checksClean?: boolean;
  /** Capability results per test round (1-based); all capabilities pass when omitted. */
  capabilityResults?: (phoneNumbers: string[], round: number) => CapabilityResult[];
  /** What the carrier's status query returns, per call (1-based). */
  carrierAnswers?: (call: number) => CarrierNumberAnswer[];
  /**
   * The carrier refuses a submission attempt (1-based) with this code, as the real activity reports
   * an HTTP 4xx: a non-retryable CarrierRequestRefused failure. Accepted when it returns undefined.
   */
  submitRefusal?: (attempt: number) => { code: string; message: string } | undefined;
  /** The FOC the carrier grants for a requested port date (the requested date when omitted). */
  changeDate?: (portDate: string) => string;
  /**
   * Awaited before an activity returns (after it was recorded): lets a test hold a call in flight,
   * e.g. a carrier submission while a cancellation or a carrier answer arrives.
   */
  gates?: { [K in ActivityName]?: (input: ActivityInput<K>) => Promise<void> };
}

export function fakeActivities(script: FakeScript = {}) {
  const calls: Recorded[] = [];
  const snapshots: OrderSnapshot[] = [];
  let capabilityRound = 0;
  let carrierQueries = 0;
  const record = async <K extends ActivityName>(name: K, input: ActivityInput<K>) => {
    calls.push({ name, input, at: activityInfo().currentAttemptScheduledTimestampMs });
    const gate = script.gates?.[name] as ((input: ActivityInput<K>) => Promise<void>) | undefined;
    await gate?.(input);
  };
  const activities: PortInActivities = {
    async runAutomaticChecks(input) {
      await record('runAutomaticChecks', input);
      return script.checksClean === false
        ? { clean: false, problems: ['lnp look-up: carrier unknown'] }
        : { clean: true, problems: [] };
    },
    async submitToCarrier(input) {
      await record('submitToCarrier', input);
      const refusal = script.submitRefusal?.(input.attempt);
      if (refusal)
        throw ApplicationFailure.create({
          message: refusal.message,
          type: 'CarrierRequestRefused',
          nonRetryable: true,
          details: [{ code: refusal.code }],
        });
      return { carrierRequestId: `req-${input.orderId}-${input.attempt}` };
    },
    async queryCarrier(input) {
      await record('queryCarrier', input);
      carrierQueries += 1;
      return script.carrierAnswers?.(carrierQueries) ?? [];
    },
    async cancelAtCarrier(input) {
      await record('cancelAtCarrier', input);
    },
    async changeDateAtCarrier(input) {
      await record('changeDateAtCarrier', input);
      return { focDate: script.changeDate?.(input.portDate) ?? input.portDate };
    },
    async activateNumbers(input) {
      await record('activateNumbers', input);
    },
    async deactivateNumbers(input) {
      await record('deactivateNumbers', input);
    },
    async testCapabilities(input) {
      await record('testCapabilities', input);
      capabilityRound += 1;
      return (
        script.capabilityResults?.(input.phoneNumbers, capabilityRound) ??
        input.phoneNumbers.map((phoneNumber) => ({ phoneNumber, voice: true, sms: true }))
      );
    },
    async completeNumbers(input) {
      await record('completeNumbers', input);
    },
    async chargeFees(input) {
      await record('chargeFees', input);
    },
    async emailCustomer(input) {
      await record('emailCustomer', input);
    },
    async sendCustomerWebhook(input) {
      await record('sendCustomerWebhook', input);
    },
    // As the real one: the email, then the webhook, in one activity (orders before the channel split).
    async notifyCustomer(input) {
      await record('notifyCustomer', input);
      await activities.emailCustomer(input);
      await activities.sendCustomerWebhook(input);
    },
    async alertOps(input) {
      await record('alertOps', input);
    },
    // As the store does: a delta (changedNumbersOnly) is merged into the last snapshot, so
    // `snapshots` always lists whole orders as the read model showed them.
    async persistSnapshot(input) {
      await record('persistSnapshot', input);
      if (!input.changedNumbersOnly) {
        snapshots.push(input.snapshot);
        return;
      }
      const last = snapshots.at(-1);
      const { snapshot: delta } = input;
      if (!last) {
        // A run's first persist (`lean-first-persist`): the whole order, as a delta against nothing.
        snapshots.push({
          ...delta,
          numbers: expandNumbers(delta.numbers),
          waitingFor: expandWaitingFor(delta.waitingFor ?? []),
          fees: delta.fees ?? [],
          totalFeesCents: delta.totalFeesCents ?? 0,
        });
        return;
      }
      const changed = new Map(expandNumbers(delta.numbers).map((n) => [n.phoneNumber, n]));
      const lastSeq = last.transitions.at(-1)?.seq ?? 0;
      snapshots.push({
        ...last,
        ...delta,
        numbers: last.numbers.map((n) => changed.get(n.phoneNumber) ?? n),
        transitions: [...last.transitions, ...delta.transitions.filter((t) => t.seq > lastSeq)],
        waitingFor: delta.waitingFor ? expandWaitingFor(delta.waitingFor) : last.waitingFor,
        fees: delta.fees ?? last.fees,
        totalFeesCents: delta.totalFeesCents ?? last.totalFeesCents,
      });
    },
  };
  /** The inputs of every call to one activity, in call order. */
  const named = <K extends ActivityName>(name: K): ActivityInput<K>[] =>
    calls.filter((c) => c.name === name).map((c) => c.input as ActivityInput<K>);
  /** The calls to one activity with their server-clock times. */
  const timed = <K extends ActivityName>(name: K): { input: ActivityInput<K>; at: number }[] =>
    calls.filter((c) => c.name === name).map((c) => ({ input: c.input as ActivityInput<K>, at: c.at }));
  /** Customer notices of one kind, in the order they were emailed. */
  const notices = <N extends CustomerNotice['kind']>(kind: N) =>
    named('emailCustomer')
      .map((c) => c.notice)
      .filter((n): n is Extract<CustomerNotice, { kind: N }> => n.kind === kind);
  return { activities, calls, snapshots, named, timed, notices };
}

export type FakeActivities = ReturnType<typeof fakeActivities>;
