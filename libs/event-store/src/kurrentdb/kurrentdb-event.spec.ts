import { describe, expect, it } from '@jest/globals';
import type { AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import { chainEvents, prepareBatch } from '../append-rules';
import { hashEvent } from '../hash-chain';
import { commandBatch } from '../testing/contract-fixtures';
import { toEventData, toRecordedEvent } from './kurrentdb-event';

const POSITION = { commit: 500n, prepare: 564n };

/** What the client would hand back for an event it was given. */
function readBack(
  data: ReturnType<typeof toEventData>,
  overrides: Partial<NonNullable<AllStreamResolvedEvent['event']>> = {},
): AllStreamResolvedEvent {
  const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return {
    event: {
      streamId: 'station-fault-1',
      id: data.id.toUpperCase(),
      revision: 0n,
      type: data.type,
      created: new Date('2026-01-01T00:00:00.000Z'),
      isJson: true,
      data: roundTrip(data.data) as Record<string, unknown>,
      metadata: roundTrip(data.metadata) as Record<string, unknown>,
      position: POSITION,
      ...overrides,
    } as NonNullable<AllStreamResolvedEvent['event']>,
  };
}

describe('an event stored in KurrentDB', () => {
  const [chained] = chainEvents(
    'station-fault-1',
    prepareBatch(
      'station-fault-1',
      commandBatch(1, () => ({ station: '徐汇 🚗' })),
      'no-stream',
    ),
    { revision: 'no-stream', hash: undefined },
    '2026-12-04T08:00:00.123Z',
  );

  it('keeps our id, type and data, and puts our metadata whole under metadata', () => {
    const data = toEventData(chained);

    expect(data).toMatchObject({
      id: chained.eventId,
      type: chained.type,
      contentType: 'application/json',
      data: chained.data,
    });
    expect(data.metadata).toEqual({
      $correlationId: chained.metadata.correlationId,
      $causationId: chained.metadata.causationId,
      opsdesk: {
        schemaVersion: 1,
        recordedAt: '2026-12-04T08:00:00.123Z',
        hash: chained.hash,
        previousHash: chained.previousHash,
      },
      metadata: chained.metadata,
    });
  });

  it('reads back as the event we chained, with a hash that still verifies', () => {
    const event = toRecordedEvent(readBack(toEventData(chained)));

    expect(event).toEqual({
      ...chained,
      position: 'kdb:500:564',
    });
    expect(hashEvent(event!)).toBe(event!.hash);
  });

  it('is left out when it is a system event or a link', () => {
    const data = toEventData(chained);

    expect(
      toRecordedEvent(readBack(data, { type: '$statsCollected' })),
    ).toBeUndefined();
    expect(
      toRecordedEvent(readBack(data, { streamId: '$stats-1' })),
    ).toBeUndefined();
  });

  it('comes back with empty hashes when opsdesk did not write it, so verification names it', () => {
    const event = toRecordedEvent(
      readBack({ ...toEventData(chained), metadata: { other: true } }),
    );

    expect(event).toMatchObject({
      hash: '',
      previousHash: '',
      schemaVersion: 0,
      recordedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('is refused without its log position', () => {
    expect(() =>
      toRecordedEvent(
        readBack(toEventData(chained), { position: undefined as never }),
      ),
    ).toThrow(expect.objectContaining({ code: 'EVENT_POSITION_MISSING' }));
  });
});
