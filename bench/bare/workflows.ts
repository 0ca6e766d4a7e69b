/**
 * The bare baseline of the lifecycle: a workflow of the same shape as a port-in order's (as many
 * activities, timers, signals and updates as one real order's history holds, measured in the same
 * run) with no-op activity bodies and no state. What the project costs beyond it is its own.
 */
import {
  condition,
  defineSignal,
  defineUpdate,
  proxyActivities,
  setHandler,
  sleep,
} from '@temporalio/workflow';

export interface BareShape {
  activities: number;
  timers: number;
  signals: number;
  updates: number;
}

export const bareEventSignal = defineSignal<[{ seq: number }]>('event');
export const bareActionUpdate = defineUpdate<number, [{ seq: number }]>('action');

const { noop } = proxyActivities<{ noop(input: { step: number }): Promise<void> }>({
  startToCloseTimeout: '1 minute',
});

/** The activities and timers run in signals + 1 stretches, each after the next signal has come. */
export async function bareOrderWorkflow(shape: BareShape): Promise<{ steps: number }> {
  let signals = 0;
  let updates = 0;
  setHandler(bareEventSignal, () => void signals++);
  setHandler(bareActionUpdate, () => ++updates);
  const stretches = shape.signals + 1;
  let step = 0;
  for (let s = 0; s < stretches; s++) {
    if (s > 0) await condition(() => signals >= s);
    const activities = Math.floor(shape.activities / stretches) + (s < shape.activities % stretches ? 1 : 0);
    const timers = Math.floor(shape.timers / stretches) + (s < shape.timers % stretches ? 1 : 0);
    for (let t = 0; t < timers; t++) await sleep(1);
    for (let a = 0; a < activities; a++) await noop({ step: step++ });
  }
  await condition(() => updates >= shape.updates);
  return { steps: step };
}
