/**
 * The production worker's prebuilt workflow bundle (scripts/build-workflow-bundle.ts, run by
 * `npm run build`): it builds, a Worker starts from it (as worker/main.ts does with
 * WORKFLOW_BUNDLE_PATH) and runs an order, and the recorded histories replay on it, so the code
 * replicas load is the code the determinism guard checked.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { buildWorkflowBundle, WORKFLOW_BUNDLE_FILE } from '../../scripts/build-workflow-bundle';
import { DEFAULT_POLICY, reviewUpdate, statusQuery, type PortInOrderInput } from '../../workflows/messages';
import { portInOrderWorkflow } from '../../workflows/port-in-order';
import { fakeActivities } from '../support/fake-activities';
import { createTimeSkippingEnv, testDataConverter } from '../support/time-skipping';
import { eventually, quietRuntime } from './harness';

let dir: string;
let codePath: string;
/**
 * The built file's code, handed to the SDK as code rather than by path. Same parse as WORKFLOW_BUNDLE_PATH,
 * but Jest's source-map-support then finds no file behind the bundle's stack frames: given the path it
 * regex-scans the 8 MB file with its inline source map and overflows the stack (seen in full runs).
 */
const builtBundle = () => ({ code: readFileSync(codePath, 'utf8') });
let env: TestWorkflowEnvironment | undefined;

beforeAll(async () => {
  quietRuntime();
  dir = mkdtempSync(path.join(tmpdir(), 'portin-bundle-'));
  const built = await buildWorkflowBundle(path.join(dir, 'lib', 'workflow-bundle.js'));
  codePath = built.outFile;
}, 180_000);
afterAll(async () => {
  await env?.teardown();
  rmSync(dir, { recursive: true, force: true });
});

test('npm run build writes the bundle to lib/workflow-bundle.js, the path the image sets', () => {
  expect(WORKFLOW_BUNDLE_FILE).toBe('lib/workflow-bundle.js');
  expect(statSync(codePath).size).toBeGreaterThan(10_000);
  const code = readFileSync(codePath, 'utf8');
  expect(code).toContain('portInOrderWorkflow');
  // The sandbox's failure converter (messages and stack traces encrypted) is built in, not the default.
  expect(code).toContain('temporal/failure-converter');
  // Every workflow a worker caches evaluates its own copy of each module the bundle imports: the
  // holiday rules are domain/holidays.ts, not the date-holidays package with its world data set,
  // moment-timezone and astronomia (~4 MB of heap per cached order).
  expect(code).toContain('domain/holidays');
  for (const heavy of ['node_modules/date-holidays', 'node_modules/moment', 'node_modules/astronomia'])
    expect(code).not.toContain(heavy);
});

test('a Worker created from the bundle runs an order to staff review and through the approval', async () => {
  env = await createTimeSkippingEnv();
  const taskQueue = 'tq-prebuilt-bundle';
  const fake = fakeActivities();
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: builtBundle(),
    activities: fake.activities,
    dataConverter: testDataConverter,
  });
  const input: PortInOrderInput = {
    orderId: 'bundle-1',
    accountId: 'acct-1',
    country: 'US',
    timeZone: 'America/New_York',
    losingCarrier: 'Simulated Telco',
    phoneNumbers: ['+12025550301'],
    capabilities: 'voice+sms',
    policy: DEFAULT_POLICY,
  };
  await worker.runUntil(async () => {
    const handle = await env!.client.workflow.start(portInOrderWorkflow, {
      taskQueue,
      workflowId: 'wf-bundle-1',
      args: [input],
    });
    await eventually(async () => expect((await handle.query(statusQuery)).status).toBe('in_review'));
    await handle.executeUpdate(reviewUpdate, {
      args: [{ actor: { role: 'support', id: 'staff-1' }, decision: 'approve' }],
    });
    await eventually(async () => expect(fake.calls.map((c) => c.name)).toContain('submitToCarrier'));
    await handle.terminate('test finished');
  });
}, 120_000);

test('the recorded histories replay on the prebuilt bundle', async () => {
  const fixtures = path.resolve(__dirname, '..', 'fixtures', 'histories');
  const history = temporal.api.history.v1.History.fromObject(
    JSON.parse(readFileSync(path.join(fixtures, 'happy-path.json'), 'utf8')),
  );
  await expect(
    Worker.runReplayHistory(
      { workflowBundle: builtBundle(), replayName: 'prebuilt-bundle', dataConverter: testDataConverter },
      history,
    ),
  ).resolves.toBeUndefined();
}, 120_000);
