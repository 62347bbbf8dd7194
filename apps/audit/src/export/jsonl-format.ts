import type { RecordedEvent } from '@opsdesk/event-store';

/**
 * One event per line, every stored field as the store returns it, so an
 * export can be checked again (hashes included) or loaded elsewhere.
 */
export function jsonLine(event: RecordedEvent): string {
  return (
    JSON.stringify({
      position: event.position,
      streamName: event.streamName,
      revision: event.revision,
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      recordedAt: event.recordedAt,
      data: event.data,
      metadata: event.metadata,
      hash: event.hash,
      previousHash: event.previousHash,
    }) + '\n'
  );
}
