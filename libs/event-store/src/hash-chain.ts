import { createHash } from 'node:crypto';
import type { RecordedEvent } from './event-store.port';

/** The `previousHash` of the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an event's hash covers: everything stored except its position. */
export interface HashedFields {
  streamName: string;
  revision: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: string;
  previousHash: string;
}

export type ChainBreakRule =
  'hash-mismatch' | 'previous-hash-mismatch' | 'revision-gap';

export type ChainVerdict =
  | { ok: true }
  | {
      ok: false;
      streamName: string;
      revision: number;
      eventId: string;
      rule: ChainBreakRule;
    };

/**
 * JSON with object keys sorted (by UTF-16 code units, as RFC 8785 does)
 * at every depth and no whitespace. Values JSON cannot hold are treated
 * as `JSON.stringify` treats them, so the text hashed at append time is
 * the text of what comes back from storage.
 */
export function canonicalJson(value: unknown): string {
  const text = serialize(value);
  if (text === undefined) {
    throw new TypeError('canonicalJson: the value has no JSON form');
  }
  return text;
}

function serialize(value: unknown): string | undefined {
  if (value === null) return 'null';
  const plain = unboxed(hasToJson(value) ? value.toJSON() : value);
  switch (typeof plain) {
    case 'string':
    case 'boolean':
      return JSON.stringify(plain);
    case 'number':
      return Number.isFinite(plain) ? JSON.stringify(plain) : 'null';
    case 'bigint':
      throw new TypeError('canonicalJson: a bigint has no JSON form');
    case 'object':
      if (plain === null) return 'null';
      if (Array.isArray(plain)) return serializeArray(plain);
      return serializeObject(plain as Record<string, unknown>);
    default:
      // undefined, functions and symbols vanish, as in JSON.stringify.
      return undefined;
  }
}

// By index, not with `map`: a hole in a sparse array is `null`, as in
// JSON.stringify, where `map` would skip it and leave `[,1]`.
function serializeArray(array: readonly unknown[]): string {
  const items: string[] = [];
  for (let i = 0; i < array.length; i++)
    items.push(serialize(array[i]) ?? 'null');
  return `[${items.join(',')}]`;
}

function serializeObject(object: Record<string, unknown>): string {
  const members: string[] = [];
  for (const key of Object.keys(object).sort()) {
    const text = serialize(object[key]);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}

/** `new String('a')` and its kin stand for their value, as in JSON.stringify. */
function unboxed(value: unknown): unknown {
  if (
    value instanceof String ||
    value instanceof Number ||
    value instanceof Boolean
  ) {
    return value.valueOf();
  }
  return value;
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  );
}

/** sha-256 (hex) over the canonical JSON of the hashed fields. */
export function hashEvent(fields: HashedFields): string {
  return hashEventWithBodies(fields, {
    dataJson: canonicalJson(fields.data),
    metadataJson: canonicalJson(fields.metadata),
  });
}

/** An event's data and metadata as canonical JSON. */
export interface CanonicalBodies {
  dataJson: string;
  metadataJson: string;
}

/**
 * `hashEvent` for an event whose data and metadata are already canonical
 * JSON (an append has them, and sends the same text to storage): the
 * covered object's text is assembled around them instead of serialising
 * them again. The members are in canonical (sorted) key order.
 */
export function hashEventWithBodies(
  fields: Omit<HashedFields, 'data' | 'metadata'>,
  bodies: CanonicalBodies,
): string {
  const covered =
    `{"data":${bodies.dataJson}` +
    `,"eventId":${canonicalJson(fields.eventId)}` +
    `,"metadata":${bodies.metadataJson}` +
    `,"previousHash":${canonicalJson(fields.previousHash)}` +
    `,"recordedAt":${canonicalJson(fields.recordedAt)}` +
    `,"revision":${canonicalJson(fields.revision)}` +
    `,"schemaVersion":${canonicalJson(fields.schemaVersion)}` +
    `,"streamName":${canonicalJson(fields.streamName)}` +
    `,"type":${canonicalJson(fields.type)}}`;
  return createHash('sha256').update(covered).digest('hex');
}

/**
 * Checks the chains of the given events and names the first broken one.
 * Events of several streams may be interleaved (as `readAll` returns
 * them); each stream's events must come in ascending revision order and
 * from revision 0, so verify whole streams, not a slice of one.
 */
export function verifyChain(events: readonly RecordedEvent[]): ChainVerdict {
  const heads = new Map<string, { revision: number; hash: string }>();
  for (const event of events) {
    const head = heads.get(event.streamName);
    const rule = brokenRule(event, head);
    if (rule) {
      return {
        ok: false,
        streamName: event.streamName,
        revision: event.revision,
        eventId: event.eventId,
        rule,
      };
    }
    heads.set(event.streamName, { revision: event.revision, hash: event.hash });
  }
  return { ok: true };
}

function brokenRule(
  event: RecordedEvent,
  head: { revision: number; hash: string } | undefined,
): ChainBreakRule | undefined {
  const expectedRevision = head ? head.revision + 1 : 0;
  if (event.revision !== expectedRevision) return 'revision-gap';
  // The row's own content first: a tampered event is named as such even
  // when its stored previousHash was altered along with it.
  if (hashEvent(event) !== event.hash) return 'hash-mismatch';
  const expectedPrevious = head ? head.hash : GENESIS_HASH;
  if (event.previousHash !== expectedPrevious) return 'previous-hash-mismatch';
  return undefined;
}
