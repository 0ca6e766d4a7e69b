/**
 * Continue-as-new on the real dev server. The time-skipping test server never suggests it, so this
 * file runs its own dev server whose history limit suggests continue-as-new after a few dozen events
 * (`limit.historyCount.suggestContinueAsNew`, server 1.29). An order is driven through enough carrier
 * events (FOC moves: signals; quote queries would not count) to pass the limit; then its next run must
 * carry everything: status, FOC date, fees, the timeline, and the carrier event ids already processed
 * (a duplicate stays ignored), and still reach completed.
 */
import { addBusinessDays, localDate } from '../../domain/calendar';
import { focChangedSignal, statusQuery, workflowIdFor, type OrderSnapshot } from '../../workflows/messages';
import { api, eventually } from '../support/api-client';
import {
  firstNumber,
  answerWhenSubmitted,
  simulatorControl,
  submitAndApprove,
  waitForOrder,
  plainUsOrder,
} from '../support/scenarios';
import { KEYS, useStack } from '../support/stack';

/** Small enough that one order passes it after a few FOC moves, large enough for a fresh run to settle. */
const SUGGEST_CONTINUE_AS_NEW_AFTER = 130;

const stack = useStack({
  autoAnswer: false,
  temporalDynamicConfig: { 'limit.historyCount.suggestContinueAsNew': SUGGEST_CONTINUE_AS_NEW_AFTER },
});

const ZONE = 'America/New_York';
const businessDaysAhead = (n: number) => addBusinessDays(localDate(Date.now(), ZONE), n, 'US');
const focChanges = (s: OrderSnapshot) => s.transitions.filter((t) => t.type === 'number.foc_changed');

test('an order past the history limit continues as new with its whole state, ignores a duplicate from before, and completes', async () => {
  const phone = '+12125550171';
  const spec = plainUsOrder(phone, 'continue-as-new@example.test', {
    requestedPortDate: businessDaysAhead(10),
  });
  const orderId = await submitAndApprove(stack, spec);
  const workflowId = workflowIdFor(orderId);
  const firstRunId = (await stack.client.workflow.getHandle(workflowId).describe()).runId;

  // The carrier answers (accepted, FOC = the requested date), once the submission reached it.
  await answerWhenSubmitted(stack, orderId);
  const accepted = await waitForOrder(stack, orderId, (o) => firstNumber(o).status === 'accepted');
  const focDate = firstNumber(accepted).focDate!;

  // A port-date change by the customer: a fee to carry over.
  const portDate = addBusinessDays(focDate, 1, 'US');
  const changed = await api(stack.apiUrl, KEYS.customerKey).post(`/v1/port-in-orders/${orderId}/port-date`, {
    portDate,
  });
  expect(changed.status).toBe(200);
  expect(changed.body).toMatchObject({ totalCents: 13_00, focDate: portDate });

  // The carrier moves the FOC back and forth until the workflow has continued as new.
  const dates = [addBusinessDays(portDate, 1, 'US'), addBusinessDays(portDate, 2, 'US')];
  const handle = stack.client.workflow.getHandle(workflowId);
  let moves = 0;
  let currentFoc = portDate;
  while ((await handle.describe()).runId === firstRunId) {
    expect(moves).toBeLessThan(30); // the limit would have been passed long before
    currentFoc = dates[moves % 2];
    await simulatorControl(stack, `/port-requests/${orderId}/move-foc`, { focDate: currentFoc });
    const target = currentFoc;
    await waitForOrder(stack, orderId, (o) => firstNumber(o).focDate === target);
    moves += 1;
    // The workflow continues as new only once its outbox is empty (the move's notices sent): give it
    // that moment before the next move, or a busy machine keeps the outbox full move after move.
    for (let wait = 0; wait < 20 && (await handle.describe()).runId === firstRunId; wait += 1)
      await new Promise((r) => setTimeout(r, 250));
  }
  expect(moves).toBeGreaterThan(0);

  // The first run closed as continued-as-new, naming its successor.
  const firstRun = stack.client.workflow.getHandle(workflowId, firstRunId);
  expect((await firstRun.describe()).status.name).toBe('CONTINUED_AS_NEW');
  const firstHistory = await firstRun.fetchHistory();
  const closing = firstHistory.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes;
  expect(closing?.newExecutionRunId).toEqual(expect.any(String));
  expect(closing?.newExecutionRunId).not.toBe(firstRunId);

  // Everything the first run knew, the next one knows: status, FOC, fees, the timeline.
  const before = await firstRun.query(statusQuery);
  const after = await eventually(
    () => handle.query(statusQuery),
    (s) => s.numbers[0]?.focDate === currentFoc,
    30_000,
  );
  expect(after).toMatchObject({
    status: 'in_progress',
    review: 'approved',
    totalFeesCents: 13_00,
    fees: [expect.objectContaining({ reason: 'port_date_change', feeCents: 13_00 })],
  });
  expect(after.numbers[0]).toMatchObject({ status: 'accepted', attempt: 1, focDate: currentFoc });
  expect(after.transitions.slice(0, before.transitions.length)).toEqual(before.transitions);
  expect(after.transitions.map((t) => t.seq)).toEqual(after.transitions.map((_, i) => i + 1));
  expect(focChanges(after)).toHaveLength(moves);
  // The start's static summary stays with the first run; the current details of every run name the order.
  const metadata = (await handle.query('__temporal_workflow_metadata')) as { currentDetails?: string };
  expect(metadata.currentDetails).toContain(`Port-in ${orderId}: 1 number(s) from Simulated Telco`);
  expect(metadata.currentDetails).toContain('**in_progress**');

  // A carrier event processed by the first run, delivered again (straight to the workflow: the
  // API's own receipt would stop it earlier): still a duplicate in the new run.
  const [firstMove] = await stack.store.models.CarrierEventReceipt.find({
    orderId,
    type: 'number.foc_changed',
  })
    .sort({ createdAt: 1 })
    .limit(1)
    .lean();
  expect(firstMove).toBeDefined();
  const replayed = dates.find((d) => d !== currentFoc)!;
  const elsewhere = addBusinessDays(portDate, 5, 'US');
  await handle.signal(focChangedSignal, {
    eventId: String(firstMove._id),
    phoneNumbers: [phone],
    focDate: elsewhere,
    occurredAt: new Date().toISOString(),
  });
  // A fresh move after it: once it shows, the duplicate has been handled (signals keep their order).
  await simulatorControl(stack, `/port-requests/${orderId}/move-foc`, { focDate: replayed });
  const moved = await eventually(
    () => handle.query(statusQuery),
    (s) => focChanges(s).length > moves,
    30_000,
  );
  expect(moved.numbers[0].focDate).toBe(replayed);
  expect(focChanges(moved)).toHaveLength(moves + 1);
  expect(moved.transitions.some((t) => t.detail === `FOC ${elsewhere}`)).toBe(false);

  // And the order still completes: the carrier ports the number, tests pass.
  await simulatorControl(stack, `/port-requests/${orderId}/complete`);
  const done = await waitForOrder(stack, orderId, (o) => o.status === 'completed', 60_000);
  expect(firstNumber(done)).toMatchObject({ status: 'completed', activated: true, focDate: replayed });
  const result = await handle.result();
  expect(result.status).toBe('completed');
  expect(result.totalFeesCents).toBe(13_00);
}, 180_000);
