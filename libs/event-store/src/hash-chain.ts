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
  const plain = hasToJson(value) ? value.toJSON() : value;
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
      if (Array.isArray(plain)) {
        return `[${plain.map((item) => serialize(item) ?? 'null').join(',')}]`;
      }
      return serializeObject(plain as Record<string, unknown>);
    default:
      // undefined, functions and symbols vanish, as in JSON.stringify.
      return undefined;
  }
}

function serializeObject(object: Record<string, unknown>): string {
  const members: string[] = [];
  for (const key of Object.keys(object).sort()) {
    const text = serialize(object[key]);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
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
  const covered: HashedFields = {
    streamName: fields.streamName,
    revision: fields.revision,
    eventId: fields.eventId,
    type: fields.type,
    schemaVersion: fields.schemaVersion,
    data: fields.data,
    metadata: fields.metadata,
    recordedAt: fields.recordedAt,
    previousHash: fields.previousHash,
  };
  return createHash('sha256').update(canonicalJson(covered)).digest('hex');
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
