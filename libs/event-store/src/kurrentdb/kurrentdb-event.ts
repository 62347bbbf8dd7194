import type {
  AllStreamResolvedEvent,
  EventData,
  ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { ChainedEvent } from '../append-rules';
import type { EventMetadata, RecordedEvent } from '../event-store.port';
import { encodePosition } from './kurrentdb-position';

/**
 * What opsdesk stores in a KurrentDB event's metadata. Our own metadata
 * sits whole under `metadata`, so no key of it can collide with the
 * store's fields, and the hash covers exactly what comes back.
 * `$correlationId` and `$causationId` follow KurrentDB's convention, so
 * its by-correlation projection can link a command's events; they are
 * copies and never read back.
 */
export interface StoredMetadata {
  $correlationId?: string;
  $causationId?: string;
  opsdesk: {
    schemaVersion: number;
    /** Ours, not the server's `created`: the hash covers it. */
    recordedAt: string;
    hash: string;
    previousHash: string;
  };
  metadata: EventMetadata;
}

/** One event of a batch, as the client appends it: id and type unchanged. */
export function toEventData(event: ChainedEvent): EventData {
  const stored: StoredMetadata = {
    ...correlationOf(event.metadata),
    opsdesk: {
      schemaVersion: event.schemaVersion,
      recordedAt: event.recordedAt,
      hash: event.hash,
      previousHash: event.previousHash,
    },
    metadata: event.metadata,
  };
  return {
    id: event.eventId,
    contentType: 'application/json',
    type: event.type,
    data: event.data,
    metadata: stored as unknown as Record<string, unknown>,
  };
}

function correlationOf(metadata: EventMetadata) {
  const links: { $correlationId?: string; $causationId?: string } = {};
  if (typeof metadata.correlationId === 'string') {
    links.$correlationId = metadata.correlationId;
  }
  if (typeof metadata.causationId === 'string') {
    links.$causationId = metadata.causationId;
  }
  return links;
}

/**
 * A read event in the port's shape, or undefined for what is not an
 * event of ours to deliver (a link, a system event). An event in a
 * non-system stream that opsdesk did not write still comes back, with
 * empty hashes, so that verifying the chain names it instead of hiding it.
 */
export function toRecordedEvent(
  resolved: ResolvedEvent | AllStreamResolvedEvent,
): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || resolved.link) return undefined;
  if (event.type.startsWith('$') || event.streamId.startsWith('$')) {
    return undefined;
  }
  if (!event.position) throw new MissingPositionError(event.streamId);
  const stored = storedMetadataOf(event.metadata);
  return {
    streamName: event.streamId,
    revision: Number(event.revision),
    position: encodePosition(event.position),
    // The hash covers the id as we wrote it: lower case.
    eventId: event.id.toLowerCase(),
    type: event.type,
    schemaVersion: stored.opsdesk.schemaVersion,
    data: isRecord(event.data) ? event.data : {},
    metadata: stored.metadata,
    recordedAt: stored.opsdesk.recordedAt || event.created.toISOString(),
    hash: stored.opsdesk.hash,
    previousHash: stored.opsdesk.previousHash,
  };
}

function storedMetadataOf(value: unknown): StoredMetadata {
  const stored = isRecord(value) ? value : {};
  const own = isRecord(stored.opsdesk) ? stored.opsdesk : {};
  return {
    opsdesk: {
      schemaVersion: Number.isInteger(own.schemaVersion)
        ? (own.schemaVersion as number)
        : 0,
      recordedAt: typeof own.recordedAt === 'string' ? own.recordedAt : '',
      hash: typeof own.hash === 'string' ? own.hash : '',
      previousHash:
        typeof own.previousHash === 'string' ? own.previousHash : '',
    },
    metadata: (isRecord(stored.metadata)
      ? stored.metadata
      : {}) as EventMetadata,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The server returned an event without its log position (before 22.6). */
export class MissingPositionError extends Error {
  readonly code = 'EVENT_POSITION_MISSING';

  constructor(readonly stream: string) {
    super(
      `KurrentDB returned an event of ${stream} without its position; ` +
        'opsdesk needs KurrentDB (or EventStoreDB 22.6 or later)',
    );
  }
}
