import type { StepEvent } from '@opsdesk/domain';
import type { RecordedEvent } from '@opsdesk/event-store';

/**
 * When an event happened, for deadlines: the instant its decider was
 * given as now (`decidedAt`), or when the store took it for an event
 * written before that was recorded.
 */
export function decidedAtOf(event: RecordedEvent): string {
  const decided = event.metadata?.decidedAt;
  return typeof decided === 'string' ? decided : event.recordedAt;
}

export function toStepEvent(event: RecordedEvent): StepEvent {
  return {
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    revision: event.revision,
    at: decidedAtOf(event),
  };
}

export function toStepEvents(events: readonly RecordedEvent[]): StepEvent[] {
  return events.map(toStepEvent);
}
