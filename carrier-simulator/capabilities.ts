/**
 * Capability tests (a test call, a test SMS) on ported numbers. They pass unless a control
 * switch planned failures for the number (POST /control/numbers/:phoneNumber/fail-capability).
 */
import type { CapabilityTestResult } from '../carrier/gateway';
import type { SimulatorStore } from './store';

export async function testCapabilities(
  store: SimulatorStore,
  numbers: readonly { phoneNumber: string; capabilities: 'voice' | 'voice+sms' }[],
): Promise<CapabilityTestResult[]> {
  const results: CapabilityTestResult[] = [];
  for (const { phoneNumber, capabilities } of numbers) {
    const voice = !(await store.takeCapabilityFailure(phoneNumber, 'voice'));
    const result: CapabilityTestResult = { phoneNumber, voice };
    if (capabilities === 'voice+sms') result.sms = !(await store.takeCapabilityFailure(phoneNumber, 'sms'));
    results.push(result);
  }
  return results;
}
