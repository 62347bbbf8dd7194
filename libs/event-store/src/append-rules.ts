import {
  InvalidAppendError,
  PartiallyAppendedBatchError,
  WrongExpectedRevisionError,
} from './event-store.errors';
import type {
  ExpectedRevision,
  NewEvent,
  RecordedEvent,
} from './event-store.port';
import {
  canonicalJson,
  GENESIS_HASH,
  hashEventWithBodies,
  type CanonicalBodies,
} from './hash-chain';

/** The stream's last revision, or 'no-stream'. */
export type ActualRevision = number | 'no-stream';

/** An event already stored under one of the batch's ids. */
export interface StoredId {
  eventId: string;
  streamName: string;
  revision: number;
  position: string;
}

export type StoredIdsVerdict =
  | { kind: 'none' }
  | { kind: 'all'; nextExpectedRevision: number; position: string };

export type ChainedEvent = Omit<RecordedEvent, 'position'>;

/**
 * A validated event of an append: its data and metadata in the form
 * storage gives back, and as the canonical JSON that is hashed and sent.
 */
export type PreparedEvent = NewEvent & CanonicalBodies;

// Lower-case only: PostgreSQL's uuid type prints lower case, and the hash
// must cover exactly the text that comes back.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_INT4 = 2_147_483_647;

/**
 * Validates an append and returns deep copies of its events in the form
 * storage will give back (parsed from their canonical JSON), so the hash
 * computed now matches what a reader recomputes later. The canonical
 * text is kept with each copy: it is hashed and stored as it is, so an
 * event is serialised once.
 */
export function prepareBatch(
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): PreparedEvent[] {
  if (!isStorableText(stream) || stream.length === 0) {
    throw new InvalidAppendError(String(stream), 'invalid-stream-name');
  }
  if (!isExpectedRevision(expected)) {
    throw new InvalidAppendError(stream, 'invalid-expected-revision');
  }
  const seen = new Set<string>();
  return events.map((event) => {
    const copy = copyEvent(stream, event);
    if (seen.has(copy.eventId)) {
      throw new InvalidAppendError(stream, 'duplicate-event-id', copy.eventId);
    }
    seen.add(copy.eventId);
    return copy;
  });
}

function copyEvent(stream: string, event: NewEvent): PreparedEvent {
  if (typeof event?.eventId !== 'string' || !UUID.test(event.eventId)) {
    throw new InvalidAppendError(stream, 'invalid-event-id', event?.eventId);
  }
  const valid =
    typeof event.type === 'string' &&
    event.type.length > 0 &&
    isStorableText(event.type) &&
    Number.isInteger(event.schemaVersion) &&
    event.schemaVersion >= 0 &&
    event.schemaVersion <= MAX_INT4 &&
    isPlainRecord(event.data) &&
    isPlainRecord(event.metadata);
  if (!valid) {
    throw new InvalidAppendError(stream, 'invalid-event', event.eventId);
  }
  const dataJson = jsonText(stream, event.eventId, event.data);
  const metadataJson = jsonText(stream, event.eventId, event.metadata);
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.parse(dataJson) as NewEvent['data'],
    metadata: JSON.parse(metadataJson) as NewEvent['metadata'],
    dataJson,
    metadataJson,
  };
}

function jsonText(stream: string, eventId: string, value: unknown): string {
  try {
    return canonicalJson(value);
  } catch {
    // A bigint or a cycle: JSON cannot hold it, so no adapter can.
    throw new InvalidAppendError(stream, 'unstorable-value', eventId);
  }
}

function isExpectedRevision(value: unknown): value is ExpectedRevision {
  if (value === 'no-stream' || value === 'stream-exists' || value === 'any') {
    return true;
  }
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text PostgreSQL can store unchanged: no NUL, no lone surrogate. */
export function isStorableText(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    !value.includes('\u0000') &&
    !LONE_SURROGATE.test(value)
  );
}

/** Whether every string (keys included) in a JSON value is storable. */
export function isStorableJson(value: unknown): boolean {
  if (typeof value === 'string') return isStorableText(value);
  if (Array.isArray(value)) return value.every(isStorableJson);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).every(
      ([key, item]) => isStorableText(key) && isStorableJson(item),
    );
  }
  return true;
}

/** Whether a stream at `actual` may take an append expecting `expected`. */
export function satisfiesExpected(
  expected: ExpectedRevision,
  actual: ActualRevision,
): boolean {
  return (
    expected === 'any' ||
    (expected === 'no-stream' && actual === 'no-stream') ||
    (expected === 'stream-exists' && actual !== 'no-stream') ||
    expected === actual
  );
}

/** Throws WrongExpectedRevisionError unless `actual` satisfies `expected`. */
export function checkExpectedRevision(
  stream: string,
  expected: ExpectedRevision,
  actual: ActualRevision,
): void {
  if (!satisfiesExpected(expected, actual)) {
    throw new WrongExpectedRevisionError(stream, expected, actual);
  }
}

/**
 * Decides what ids already stored mean for the batch: none is a normal
 * append, all of them in this stream is a retry (a no-op), anything else
 * is a programming error.
 */
export function judgeStoredIds(
  stream: string,
  batch: readonly NewEvent[],
  stored: readonly StoredId[],
): StoredIdsVerdict {
  if (stored.length === 0 || batch.length === 0) return { kind: 'none' };
  const elsewhere = stored.find((s) => s.streamName !== stream);
  if (elsewhere) {
    throw new InvalidAppendError(
      stream,
      'event-id-in-other-stream',
      elsewhere.eventId,
    );
  }
  if (stored.length < batch.length) {
    const storedIds = new Set(stored.map((s) => s.eventId));
    throw new PartiallyAppendedBatchError(
      stream,
      batch.filter((e) => storedIds.has(e.eventId)).map((e) => e.eventId),
      batch.filter((e) => !storedIds.has(e.eventId)).map((e) => e.eventId),
    );
  }
  // Answer as the original append did: its last event's revision.
  const last = stored.reduce((a, b) => (b.revision > a.revision ? b : a));
  return {
    kind: 'all',
    nextExpectedRevision: last.revision,
    position: last.position,
  };
}

/** Numbers and hashes the batch after the stream's current head. */
export function chainEvents(
  stream: string,
  batch: readonly PreparedEvent[],
  head: { revision: ActualRevision; hash: string | undefined },
  recordedAt: string,
): ChainedEvent[] {
  let revision = head.revision === 'no-stream' ? -1 : head.revision;
  let previousHash = head.hash ?? GENESIS_HASH;
  return batch.map((event) => {
    revision += 1;
    const fields = {
      streamName: stream,
      revision,
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      recordedAt,
      previousHash,
    };
    const hash = hashEventWithBodies(fields, event);
    previousHash = hash;
    return { ...fields, data: event.data, metadata: event.metadata, hash };
  });
}
