import { chainEvents, prepareBatch, type ChainedEvent } from '../append-rules';
import { commandBatch } from '../testing/contract-fixtures';
import { insertRowsJson } from './insert-rows-json';

describe('the rows of an append as JSON text', () => {
  const prepared = prepareBatch(
    'station-fault-1',
    commandBatch(2, (i) => ({
      station: '徐汇 "北" 🚗',
      n: i,
      list: [1, null],
    })),
    'no-stream',
  );
  const chained = chainEvents(
    'station-fault-1',
    prepared,
    { revision: 'no-stream', hash: undefined },
    '2026-12-04T08:30:00.000Z',
  );

  it('parses to one row per event with the columns the append reads', () => {
    const rows = JSON.parse(insertRowsJson(chained, prepared));

    expect(rows).toEqual(
      chained.map((event) => ({
        stream_name: event.streamName,
        revision: event.revision,
        event_id: event.eventId,
        command_id: event.metadata.commandId,
        type: event.type,
        schema_version: event.schemaVersion,
        data: event.data,
        metadata: event.metadata,
        recorded_at: event.recordedAt,
        hash: event.hash,
        previous_hash: event.previousHash,
      })),
    );
  });

  it('sends each event’s data as the canonical text that was hashed', () => {
    const text = insertRowsJson(chained, prepared);

    for (const event of prepared) {
      expect(text).toContain(`"data":${event.dataJson}`);
    }
  });

  it('writes a missing command id as null', () => {
    const [event] = chained;
    // The port takes any plain metadata; one without a command id is stored
    // with none.
    const metadata: Record<string, unknown> = { ...event.metadata };
    delete metadata.commandId;
    const withoutCommand = { ...event, metadata } as unknown as ChainedEvent;

    expect(
      JSON.parse(insertRowsJson([withoutCommand], prepared))[0].command_id,
    ).toBeNull();
  });
});
