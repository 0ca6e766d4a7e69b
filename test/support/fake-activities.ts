/**
 * In-memory stand-ins for the activities, recording every call, for workflow tests on the
 * time-skipping server. Behaviour is steered per test through the `script` hooks.
 */
import type { CapabilityResult, CarrierNumberAnswer, PortInActivities } from '../../activities/types';
import type { OrderSnapshot } from '../../workflows/messages';

export interface Recorded {
  name: keyof PortInActivities;
  input: unknown;
}

export function fakeActivities(script: {
  checksClean?: boolean;
  capabilityResults?: (phoneNumbers: string[], round: number) => CapabilityResult[];
  carrierAnswers?: () => CarrierNumberAnswer[];
  changeDate?: (portDate: string) => string;
} = {}) {
  const calls: Recorded[] = [];
  const snapshots: OrderSnapshot[] = [];
  let capabilityRound = 0;
  const record = (name: keyof PortInActivities, input: unknown) => calls.push({ name, input });
  const activities: PortInActivities = {
    async runAutomaticChecks(input) {
      record('runAutomaticChecks', input);
      return script.checksClean === false ? { clean: false, problems: ['lnp look-up: carrier unknown'] } : { clean: true, problems: [] };
    },
    async submitToCarrier(input) {
      record('submitToCarrier', input);
      return { carrierRequestId: `req-${input.orderId}-${input.attempt}` };
    },
    async queryCarrier(input) {
      record('queryCarrier', input);
      return script.carrierAnswers?.() ?? [];
    },
    async cancelAtCarrier(input) {
      record('cancelAtCarrier', input);
    },
    async changeDateAtCarrier(input) {
      record('changeDateAtCarrier', input);
      return { focDate: script.changeDate?.(input.portDate) ?? input.portDate };
    },
    async activateNumbers(input) {
      record('activateNumbers', input);
    },
    async testCapabilities(input) {
      record('testCapabilities', input);
      capabilityRound += 1;
      return script.capabilityResults?.(input.phoneNumbers, capabilityRound) ?? input.phoneNumbers.map((phoneNumber) => ({ phoneNumber, voice: true, sms: true }));
    },
    async completeNumbers(input) {
      record('completeNumbers', input);
    },
    async chargeFees(input) {
      record('chargeFees', input);
    },
    async notifyCustomer(input) {
      record('notifyCustomer', input);
    },
    async alertOps(input) {
      record('alertOps', input);
    },
    async persistSnapshot(input) {
      record('persistSnapshot', input);
      snapshots.push(input.snapshot);
    },
  };
  const named = (name: keyof PortInActivities) => calls.filter((c) => c.name === name).map((c) => c.input as Record<string, unknown>);
  return { activities, calls, snapshots, named };
}
