import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { fakeActivities } from '../support/fake-activities';
import {
  DEFAULT_POLICY,
  numberAcceptedSignal,
  numberPortedSignal,
  reviewUpdate,
  statusQuery,
  type PortInOrderInput,
} from '../../workflows/messages';
import { portInOrderWorkflow } from '../../workflows/port-in-order';
import { activationInstant } from '../../domain/calendar';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await createTimeSkippingEnv();
}, 120_000);
afterAll(async () => {
  await env?.teardown();
});

const input = (orderId: string, overrides: Partial<PortInOrderInput> = {}): PortInOrderInput => ({
  orderId,
  accountId: 'acct-1',
  country: 'US',
  timeZone: 'America/New_York',
  losingCarrier: 'Simulated Telco',
  phoneNumbers: ['+12025550101'],
  capabilities: 'voice+sms',
  policy: DEFAULT_POLICY,
  ...overrides,
});

test('review → carrier → FOC midnight (after a DST change) → port → tests → completed', async () => {
  const fake = fakeActivities();
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: 'happy',
    workflowsPath: require.resolve('../../workflows'),
    activities: fake.activities,
  });
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(portInOrderWorkflow, {
      taskQueue: 'happy',
      workflowId: 'wf-happy',
      args: [input('happy')],
    });
    await handle.executeUpdate(reviewUpdate, {
      args: [{ actor: { role: 'support', id: 'staff-1' }, decision: 'approve' }],
    });
    const focDate = '2027-03-15'; // Monday after the March 14, 2027 DST change in New York
    await handle.signal(numberAcceptedSignal, {
      eventId: 'e1',
      phoneNumbers: ['+12025550101'],
      focDate,
      occurredAt: new Date().toISOString(),
    });
    let snap = await handle.query(statusQuery);
    expect(snap.numbers[0]).toMatchObject({
      status: 'accepted',
      focDate,
      activationAt: new Date(Date.UTC(2027, 2, 15, 4)).toISOString(),
    });
    await env.sleep(activationInstant(focDate, 'America/New_York') - (await env.currentTimeMs()) + 1000);
    snap = await handle.query(statusQuery);
    expect(snap.numbers[0].activated).toBe(true);
    const activated = snap.transitions.find((t) => t.type === 'number.activated')!;
    // Activated at local midnight (04:00Z after the change), give or take the activity's own duration.
    expect(Date.parse(activated.at) - Date.UTC(2027, 2, 15, 4)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(activated.at) - Date.UTC(2027, 2, 15, 4)).toBeLessThan(5_000);
    await handle.signal(numberPortedSignal, {
      eventId: 'e2',
      phoneNumbers: ['+12025550101'],
      occurredAt: new Date().toISOString(),
    });
    const result = await handle.result();
    expect(result.status).toBe('completed');
    expect(result.numbers[0].status).toBe('completed');
    expect(fake.named('completeNumbers')).toHaveLength(1);
  });
}, 120_000);
