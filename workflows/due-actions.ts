/**
 * One pass of the main loop: do everything whose deadline has come, in the rulebook's order
 * (review SLA, submission, carrier follow-up, activation, deactivation, end-of-business check,
 * capability tests). The order of these steps is part of every recorded history.
 *
 * Why the activity calls sit here and not in the step modules: within one workflow task, the
 * commands of the loop, the outbox and running update handlers interleave by microtask turns. An
 * extra async function between an activity's result and the next command would add turns and could
 * reorder commands of existing histories. So this stays one async function that awaits each
 * activity directly, and the step modules only hold synchronous rules.
 */
import { type ApplicationFailure, patched } from '@temporalio/workflow';
import { activated, deactivated, dueForActivation, dueForDeactivation } from './activation';
import { carrier, store } from './activity-proxies';
import {
  capabilityRound,
  completed,
  dueForCapabilityTest,
  recordCapabilityResults,
} from './capability-tests';
import { applyCarrierAnswers } from './carrier-answers';
import { flagOverduePorts, followUpSilence, overduePorts, silentNumbers } from './carrier-follow-ups';
import type { OrderRun } from './order-run';
import { PATCHES } from './patches';
import { carrierRefusal } from './refusals';
import { escalateLateReview } from './review';
import { dueForSubmission, markSubmitted, submissionSettled } from './submission';

export async function dueActions(run: OrderRun, now: number): Promise<void> {
  const { state, input } = run;
  const { orderId } = input;

  escalateLateReview(run, now);

  // Submission (first time and resubmissions), one activity for all the numbers concerned.
  const toSubmit = dueForSubmission(state);
  if (toSubmit.length) {
    const attempt = markSubmitted(run, toSubmit);
    run.submissionsInFlight += 1;
    let refusal: ApplicationFailure | undefined;
    try {
      await carrier.submitToCarrier({
        orderId,
        attempt,
        phoneNumbers: toSubmit.map((n) => n.phoneNumber),
        requestedPortDate: state.requestedPortDate,
      });
    } catch (err) {
      refusal = carrierRefusal(err);
      // Before this patch a refusal failed the whole order: those histories end right here.
      if (!refusal || !patched(PATCHES.submissionRefusalKeepsOrder)) throw err;
    } finally {
      run.submissionsInFlight -= 1;
    }
    submissionSettled(run, toSubmit, attempt, refusal);
  }

  // Carrier silence: follow up (query + ops alert) every N business days.
  const silent = silentNumbers(state, now);
  if (silent.length) {
    followUpSilence(run, silent, now);
    const eventKey = `query-${state.seq}`;
    applyCarrierAnswers(run, await carrier.queryCarrier({ orderId }), eventKey);
  }

  // FOC midnight: activate every number whose activation instant has come (grouped in one call).
  const toActivate = dueForActivation(state, now);
  if (toActivate.length) {
    await store.activateNumbers({
      orderId,
      phoneNumbers: toActivate.map((n) => n.phoneNumber),
      idempotencyKey: run.key('activate', state.seq),
    });
    activated(run, toActivate);
  }

  // Canceled by the carrier after activation: out of the account's inventory again.
  const toDeactivate = dueForDeactivation(state);
  if (toDeactivate.length && patched(PATCHES.deactivateCanceledNumbers)) {
    await store.deactivateNumbers({
      orderId,
      phoneNumbers: toDeactivate.map((n) => n.phoneNumber),
      idempotencyKey: run.key('deactivate', state.seq),
    });
    deactivated(run, toDeactivate);
  }

  // End of business on the FOC date without the carrier's confirmation: query, alert, keep waiting.
  const overdue = overduePorts(state, now);
  if (overdue.length) {
    flagOverduePorts(run, overdue, now);
    const eventKey = `query-${state.seq}`;
    applyCarrierAnswers(run, await carrier.queryCarrier({ orderId }), eventKey);
  }

  // Capability tests for ported numbers, retried with backoff while a capability fails.
  const toTest = dueForCapabilityTest(state, now);
  if (toTest.length) {
    const round = capabilityRound(state, toTest);
    const results = await store.testCapabilities({
      orderId,
      phoneNumbers: toTest.map((n) => n.phoneNumber),
      idempotencyKey: run.key('capability-test', round),
    });
    const passed = recordCapabilityResults(run, toTest, results);
    if (passed.length) {
      await store.completeNumbers({
        orderId,
        phoneNumbers: passed.map((n) => n.phoneNumber),
        idempotencyKey: run.key('complete', round),
      });
      completed(run, passed, round);
    }
  }
}
