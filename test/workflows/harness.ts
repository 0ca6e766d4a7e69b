/**
 * Shared scaffolding for the workflow tests: one time-skipping server and one workflow bundle per
 * test file (bundling takes seconds, so it is done once), one Worker per test on its own task queue,
 * and small drivers for the order's messages so the tests read like the rulebook.
 */
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  DefaultLogger,
  makeTelemetryFilterString,
  Runtime,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { createTimeSkippingEnv, testDataConverter } from '../support/time-skipping';
import { fakeActivities, type FakeActivities, type FakeScript } from '../support/fake-activities';
import {
  activationInstant,
  addBusinessDays,
  addDays,
  dayOfWeek,
  localDate,
  type IsoDate,
} from '../../domain/calendar';
import type { ActorRole } from '../../domain/fees';
import type { RejectionCode } from '../../domain/rejection-codes';
import {
  DEFAULT_POLICY,
  cancelUpdate,
  changePortDateUpdate,
  changeQuoteQuery,
  focChangedSignal,
  numberAcceptedSignal,
  numberCanceledSignal,
  numberPortedSignal,
  numberRejectedSignal,
  resubmitUpdate,
  reviewUpdate,
  statusQuery,
  type Actor,
  type OrderPolicy,
  type OrderSnapshot,
  type PortInOrderInput,
  type RefusalCode,
} from '../../workflows/messages';
import { portInOrderWorkflow } from '../../workflows/port-in-order';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const customer: Actor = { role: 'customer', id: 'cust-1' };
export const support: Actor = { role: 'support', id: 'staff-1' };

const silent = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} };

/** Worker and core logs at WARN and above only: the default INFO chatter drowns test failures. */
export function quietRuntime(): void {
  try {
    Runtime.install({
      logger: new DefaultLogger('WARN'),
      telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR', other: 'ERROR' }) } },
    });
  } catch {
    // Already installed by an earlier file in this process: keep it.
  }
}

export interface OrderOptions {
  /** Input overrides; phone numbers default to one US number. */
  input?: Partial<Omit<PortInOrderInput, 'policy'>>;
  policy?: Partial<OrderPolicy>;
  script?: FakeScript;
}

export type OrderHandle = WorkflowHandle<typeof portInOrderWorkflow>;

/** One order under test: its handle, its fake activities, and drivers for its messages. */
export class OrderDriver {
  private events = 0;
  constructor(
    readonly env: TestWorkflowEnvironment,
    readonly handle: OrderHandle,
    readonly fake: FakeActivities,
    readonly input: PortInOrderInput,
  ) {}

  get numbers(): string[] {
    return this.input.phoneNumbers;
  }
  now(): Promise<number> {
    return this.env.currentTimeMs();
  }
  /** Skips server time to `instant` (no-op when it has passed). */
  async sleepUntil(instant: number): Promise<void> {
    const wait = instant - (await this.now());
    if (wait > 0) await this.env.sleep(wait);
  }
  status(): Promise<OrderSnapshot> {
    return this.handle.query(statusQuery);
  }
  /** Polls the status query (real time) until `predicate` holds: signals and activities run asynchronously. */
  async statusWhen(
    predicate: (s: OrderSnapshot) => boolean,
    what = 'the expected state',
  ): Promise<OrderSnapshot> {
    return eventually(async () => {
      const s = await this.status();
      if (!predicate(s)) throw new Error(`order never reached ${what}: ${JSON.stringify(s, null, 1)}`);
      return s;
    });
  }
  async transitionsOf(type: string) {
    return (await this.status()).transitions.filter((t) => t.type === type);
  }

  approve(actor: Actor = support) {
    return this.handle.executeUpdate(reviewUpdate, { args: [{ actor, decision: 'approve' }] });
  }
  /**
   * Approves and waits until the carrier acknowledged the submission of every number (the update
   * itself answers as soon as the submission is on its way).
   */
  async approveAndSubmit(): Promise<void> {
    await this.approve();
    await this.statusWhen(
      (s) =>
        s.numbers.every((n) => n.status === 'submitted_to_carrier') &&
        !s.waitingFor.some((w) => w.what.startsWith('submission of')),
      'submitted and acknowledged',
    );
  }
  /**
   * The path to an activated number: approved and submitted, accepted with an FOC date `businessDays`
   * ahead, and past midnight of that date. Returns the FOC date.
   */
  async submittedAcceptedActivated(businessDays = 3): Promise<IsoDate> {
    await this.approveAndSubmit();
    const focDate = await this.businessDaysAhead(businessDays);
    await this.accept(focDate);
    await this.sleepUntil(this.activationOf(focDate) + 1_000);
    await this.statusWhen((s) => s.numbers.every((n) => n.activated), 'activated');
    return focDate;
  }
  /** Skips past midnight of `focDate` and expects the one activation there, within 5 s of it. */
  async expectActivationAtMidnightOf(focDate: IsoDate): Promise<void> {
    await this.sleepUntil(this.activationOf(focDate) + 1_000);
    await eventually(async () => expect(this.fake.named('activateNumbers')).toHaveLength(1));
    const [activation] = this.fake.timed('activateNumbers');
    expect(activation.at - this.activationOf(focDate)).toBeGreaterThanOrEqual(0);
    expect(activation.at - this.activationOf(focDate)).toBeLessThan(5_000);
  }
  rejectReview(reasonCode: RejectionCode) {
    return this.handle.executeUpdate(reviewUpdate, {
      args: [{ actor: support, decision: 'reject', reasonCode }],
    });
  }

  private eventId(kind: string) {
    this.events += 1;
    return `${this.input.orderId}-${kind}-${this.events}`;
  }
  private async base(kind: string, phoneNumbers: string[], eventId?: string) {
    return {
      eventId: eventId ?? this.eventId(kind),
      phoneNumbers,
      occurredAt: new Date(await this.now()).toISOString(),
    };
  }
  async accept(focDate: IsoDate, phoneNumbers = this.numbers, eventId?: string): Promise<string> {
    const event = { ...(await this.base('accepted', phoneNumbers, eventId)), focDate };
    await this.handle.signal(numberAcceptedSignal, event);
    return event.eventId;
  }
  async moveFoc(focDate: IsoDate, phoneNumbers = this.numbers): Promise<void> {
    await this.handle.signal(focChangedSignal, { ...(await this.base('foc', phoneNumbers)), focDate });
  }
  async carrierReject(
    reasonCode: RejectionCode,
    phoneNumbers = this.numbers,
    eventId?: string,
  ): Promise<string> {
    const event = { ...(await this.base('rejected', phoneNumbers, eventId)), reasonCode };
    await this.handle.signal(numberRejectedSignal, event);
    return event.eventId;
  }
  async carrierCancel(phoneNumbers = this.numbers): Promise<void> {
    await this.handle.signal(numberCanceledSignal, await this.base('canceled', phoneNumbers));
  }
  async ported(phoneNumbers = this.numbers, eventId?: string): Promise<string> {
    const event = await this.base('ported', phoneNumbers, eventId);
    await this.handle.signal(numberPortedSignal, event);
    return event.eventId;
  }

  cancel(actor: Actor, phoneNumbers?: string[]) {
    return this.handle.executeUpdate(cancelUpdate, {
      args: [{ actor, ...(phoneNumbers ? { phoneNumbers } : {}) }],
    });
  }
  changePortDate(actor: Actor, portDate: IsoDate, phoneNumbers?: string[]) {
    return this.handle.executeUpdate(changePortDateUpdate, {
      args: [{ actor, portDate, ...(phoneNumbers ? { phoneNumbers } : {}) }],
    });
  }
  resubmit(actor: Actor, phoneNumbers?: string[]) {
    return this.handle.executeUpdate(resubmitUpdate, {
      args: [{ actor, correctedFields: ['loa'], ...(phoneNumbers ? { phoneNumbers } : {}) }],
    });
  }
  /** A quote as the API asks for it: at the caller's clock (here the server's, which tests skip). */
  async quote(role: ActorRole, phoneNumbers?: string[]) {
    const asOf = await this.now();
    return this.handle.query(changeQuoteQuery, { role, asOf, ...(phoneNumbers ? { phoneNumbers } : {}) });
  }

  /** The instant the FOC date's midnight falls on in the order's zone. */
  activationOf(focDate: IsoDate): number {
    return activationInstant(focDate, this.input.timeZone);
  }
  /** Today's date in the order's zone, on the server's clock. */
  async today(): Promise<IsoDate> {
    return localDate(await this.now(), this.input.timeZone);
  }
  /** The date `count` business days after today in the order's country (a plausible FOC). */
  async businessDaysAhead(count: number): Promise<IsoDate> {
    return addBusinessDays(await this.today(), count, this.input.country);
  }
  async searchAttribute<T>(key: { name: string }): Promise<T | undefined> {
    const description = await this.handle.describe();
    return description.typedSearchAttributes.get(key as never) as T | undefined;
  }
}

export interface WorkflowTestEnv {
  readonly env: TestWorkflowEnvironment;
  readonly bundle: WorkflowBundleWithSourceMap;
  /** Starts an order on a fresh worker and task queue, runs `body`, then stops the worker. */
  withOrder<T>(options: OrderOptions, body: (order: OrderDriver) => Promise<T>): Promise<T>;
}

let orderCounter = 0;

/**
 * Registers beforeAll/afterAll hooks for one server and one bundle for the whole file.
 * `file` names the task queues and workflow ids so they stay unique on a shared server.
 */
export function useWorkflowTestEnv(file: string): WorkflowTestEnv {
  let env: TestWorkflowEnvironment | undefined;
  let bundle: WorkflowBundleWithSourceMap | undefined;
  beforeAll(async () => {
    quietRuntime();
    // Both settle before this hook ends, even when one fails: a bundling left running after Jest
    // tears the file down breaks webpack for the files that follow in the same process.
    const [started, bundled] = await Promise.allSettled([
      createTimeSkippingEnv(),
      bundleWorkflowCode({
        workflowsPath: require.resolve('../../workflows'),
        // As the worker bundles it: failure messages and stack traces encoded, then encrypted.
        failureConverterPath: testDataConverter.failureConverterPath,
        logger: silent,
      }),
    ]);
    if (started.status === 'fulfilled') env = started.value;
    if (bundled.status === 'fulfilled') bundle = bundled.value;
    for (const outcome of [started, bundled]) if (outcome.status === 'rejected') throw outcome.reason;
  }, 180_000);
  afterAll(async () => {
    await env?.teardown();
  });
  const api: WorkflowTestEnv = {
    get env() {
      if (!env) throw new Error('the test environment is not up (beforeAll failed?)');
      return env;
    },
    get bundle() {
      if (!bundle) throw new Error('the workflow bundle is not built (beforeAll failed?)');
      return bundle;
    },
    async withOrder(options, body) {
      orderCounter += 1;
      const orderId = `${file}-${orderCounter}`;
      const taskQueue = `tq-${orderId}`;
      const fake = fakeActivities(options.script);
      const input: PortInOrderInput = {
        orderId,
        accountId: 'acct-1',
        country: 'US',
        timeZone: 'America/New_York',
        losingCarrier: 'Simulated Telco',
        phoneNumbers: ['+12025550101'],
        capabilities: 'voice+sms',
        ...options.input,
        policy: { ...DEFAULT_POLICY, ...options.policy },
      };
      const worker = await Worker.create({
        connection: api.env.nativeConnection,
        taskQueue,
        workflowBundle: api.bundle,
        activities: fake.activities,
        dataConverter: testDataConverter,
      });
      return worker.runUntil(async () => {
        const handle = await api.env.client.workflow.start(portInOrderWorkflow, {
          taskQueue,
          workflowId: `wf-${orderId}`,
          args: [input],
        });
        try {
          return await body(new OrderDriver(api.env, handle, fake, input));
        } finally {
          // An order left running keeps timers on a task queue nobody polls any more: the
          // time-skipping server then holds its clock for that workflow and a later test's sleep
          // runs in real time. Finished orders make terminate fail, which is fine.
          await settleAndTerminate(handle);
        }
      });
    },
  };
  return api;
}

/**
 * Ends an order a test left running. The Java test server holds its clock while an activity task is
 * outstanding, and does not release that hold when the workflow is terminated under it: terminate
 * only once the order has no activity in flight, or every later sleep in the file runs in real time.
 */
async function settleAndTerminate(handle: OrderHandle): Promise<void> {
  // Quiet = nothing in flight and the history did not grow between two looks (a workflow task
  // between two activities shows no pending activity but is about to schedule the next one).
  let last = -1;
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    const { status, raw, historyLength } = await handle.describe();
    if (status.name !== 'RUNNING') return;
    const quiet = (raw.pendingActivities?.length ?? 0) === 0 && historyLength === last;
    if (quiet) break;
    last = (raw.pendingActivities?.length ?? 0) === 0 ? historyLength : -1;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await handle.terminate('test finished').catch(() => undefined);
}

/** Retries `fn` (real time) until it stops throwing. */
export async function eventually<T>(fn: () => Promise<T>, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

/**
 * Asserts that an update was refused the way the API relies on: a WorkflowUpdateFailedError whose
 * cause is an ApplicationFailure typed with the refusal code (mapped to a 409 with that code).
 */
export async function expectRefusal(
  update: Promise<unknown>,
  code: RefusalCode,
): Promise<ApplicationFailure> {
  const error = await update.then(
    (result) => {
      throw new Error(`expected a ${code} refusal, got ${JSON.stringify(result)}`);
    },
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect((cause as ApplicationFailure).type).toBe(code);
  return cause as ApplicationFailure;
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** The n-th Sunday of a month: US and Canadian DST starts on March's 2nd and ends on November's 1st. */
function nthSunday(year: number, month: number, n: number): IsoDate {
  let d = `${year}-${String(month).padStart(2, '0')}-01`;
  while (dayOfWeek(d) !== 0) d = addDays(d, 1);
  return addDays(d, 7 * (n - 1));
}
/** The Sunday of the next US/Canadian DST change after `after` (computed: tests must not expire). */
export function nextDstChange(kind: 'spring' | 'fall', after: IsoDate): IsoDate {
  for (let year = Number(after.slice(0, 4)); ; year++) {
    const day = kind === 'spring' ? nthSunday(year, 3, 2) : nthSunday(year, 11, 1);
    if (day > after) return day;
  }
}
