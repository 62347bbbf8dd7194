import type { Custody } from '@opsdesk/domain';
import type { RecordedEvent } from '@opsdesk/event-store';
import type { RegisteredProcess } from '../commands/process-catalog';
import type { HandoffJob } from '../queues/jobs';
import { isWorkerRole } from '../queues/role-queues';

type State = { status: string };

/**
 * The hand-off job an event implies: one when the ticket changed hands
 * to a role with a worker, null otherwise. The process manager and the
 * reconciler both build jobs here, so they agree on every id.
 */
export function handoffFor(
  process: RegisteredProcess,
  event: RecordedEvent,
  before: State,
  after: State,
): HandoffJob | null {
  const from = process.definition.custody(before);
  const to = process.definition.custody(after);
  if (!changedHands(from, to) || !to.role || !isWorkerRole(to.role)) {
    return null;
  }
  return {
    kind: 'handoff',
    processId: process.definition.processId,
    ticketId: event.streamName.slice(process.definition.processId.length + 1),
    streamName: event.streamName,
    eventId: event.eventId,
    eventType: event.type,
    revision: event.revision,
    fromRole: from.role,
    toRole: to.role,
    assigneeId: to.assigneeId,
    status: after.status,
    correlationId: event.metadata.correlationId,
  };
}

export function changedHands(from: Custody, to: Custody): boolean {
  return from.role !== to.role || from.assigneeId !== to.assigneeId;
}

/**
 * The hand-off of the last change of custody in a stream's history: the
 * one that is current. Null when the ticket last went to nobody or to a
 * role without a worker.
 */
export function latestHandoff(
  process: RegisteredProcess,
  events: readonly RecordedEvent[],
): HandoffJob | null {
  let state = process.definition.initialState as State;
  let latest: HandoffJob | null = null;
  for (const event of events) {
    const next = process.definition.evolve(state, {
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
    }) as State;
    const job = handoffFor(process, event, state, next);
    if (job) latest = job;
    else if (
      changedHands(
        process.definition.custody(state),
        process.definition.custody(next),
      )
    ) {
      latest = null;
    }
    state = next;
  }
  return latest;
}
