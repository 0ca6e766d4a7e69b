/**
 * A deliberately changed copy of the port-in workflow (one extra timer before anything else), used
 * only by replay.test.ts to prove that replaying the recorded histories catches such a change.
 */
import { sleep } from '@temporalio/workflow';
import type { PortInOrderInput } from '../../../workflows/messages';
import { portInOrderWorkflow as current } from '../../../workflows/port-in-order';

export async function portInOrderWorkflow(input: PortInOrderInput) {
  await sleep('1 second');
  return current(input);
}
