import type { EventMetadata, RecordedEvent } from '../event-store.port';
import { encodePosition } from './global-position';

/**
 * The columns every read selects, as text so that no global type parser
 * setting of node-postgres changes what comes back (or what is hashed).
 */
export const EVENT_COLUMNS = `
  tx_id::text AS tx_id,
  position::text AS position,
  stream_name,
  revision::text AS revision,
  event_id::text AS event_id,
  type,
  schema_version,
  data::text AS data,
  metadata::text AS metadata,
  to_char(recorded_at AT TIME ZONE 'UTC',
    'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at,
  hash,
  previous_hash`;

export interface EventRow {
  tx_id: string;
  position: string;
  stream_name: string;
  revision: string;
  event_id: string;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
  hash: string;
  previous_hash: string;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamName: row.stream_name,
    revision: Number(row.revision),
    position: encodePosition({
      txId: BigInt(row.tx_id),
      position: BigInt(row.position),
    }),
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    recordedAt: row.recorded_at,
    hash: row.hash,
    previousHash: row.previous_hash,
  };
}
