import type { ChainedEvent, PreparedEvent } from '../append-rules';

const text = JSON.stringify;

/**
 * The rows `opsdesk_append_batch` and the single append read with
 * `jsonb_to_recordset`, as JSON text. Written by hand around each
 * event's canonical data and metadata, which are already JSON: a
 * `JSON.stringify` of the rows would serialise every event again.
 * `chained[i]` is `prepared[i]` numbered and hashed.
 */
export function insertRowsJson(
  chained: readonly ChainedEvent[],
  prepared: readonly PreparedEvent[],
): string {
  return `[${chained.map((event, i) => rowJson(event, prepared[i])).join(',')}]`;
}

function rowJson(event: ChainedEvent, prepared: PreparedEvent): string {
  const commandId = event.metadata.commandId;
  return (
    `{"stream_name":${text(event.streamName)}` +
    `,"revision":${event.revision}` +
    `,"event_id":${text(event.eventId)}` +
    `,"command_id":${typeof commandId === 'string' ? text(commandId) : 'null'}` +
    `,"type":${text(event.type)}` +
    `,"schema_version":${event.schemaVersion}` +
    `,"data":${prepared.dataJson}` +
    `,"metadata":${prepared.metadataJson}` +
    `,"recorded_at":${text(event.recordedAt)}` +
    `,"hash":${text(event.hash)}` +
    `,"previous_hash":${text(event.previousHash)}}`
  );
}
