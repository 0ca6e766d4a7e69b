/** A workflow's history as the bench reads it: its size, and the shape the bare baseline copies. */
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { BareShape } from './bare/workflows';

export interface HistoryFigures {
  events: number;
  bytes: number;
  shape: BareShape;
}

export async function readHistory(client: Client, workflowId: string): Promise<HistoryFigures> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events ?? [];
  const count = (has: (e: temporal.api.history.v1.IHistoryEvent) => unknown) => events.filter(has).length;
  return {
    events: events.length,
    bytes: temporal.api.history.v1.History.encode(history).finish().length,
    shape: {
      activities: count((e) => e.activityTaskScheduledEventAttributes),
      timers: count((e) => e.timerStartedEventAttributes),
      signals: count((e) => e.workflowExecutionSignaledEventAttributes),
      updates: count((e) => e.workflowExecutionUpdateAcceptedEventAttributes),
    },
  };
}
