import type { StationFaultEvent } from '@opsdesk/domain';
import type { RecordedEvent } from '@opsdesk/event-store';

export const STATION_FAULT_PROCESS_ID = 'station-fault';
export const STATION_FAULT_STREAM_PREFIX = `${STATION_FAULT_PROCESS_ID}-`;

/** `station-fault-<ticketId>` → `<ticketId>`. */
export function stationFaultTicketId(streamName: string): string {
  return streamName.startsWith(STATION_FAULT_STREAM_PREFIX)
    ? streamName.slice(STATION_FAULT_STREAM_PREFIX.length)
    : streamName;
}

/**
 * The domain's view of a stored event. The store has already upcast the
 * data to the current schema, so the stored type string decides its shape.
 */
export function toStationFaultEvent(event: RecordedEvent): StationFaultEvent {
  return {
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
  } as StationFaultEvent;
}
