import type { ClientBase } from 'pg';
import {
  chainEvents,
  checkExpectedRevision,
  judgeStoredIds,
  prepareBatch,
  type ActualRevision,
  type ChainedEvent,
} from '../append-rules';
import { WrongExpectedRevisionError } from '../event-store.errors';
import type {
  AppendResult,
  ExpectedRevision,
  NewEvent,
} from '../event-store.port';
import { insertRowsJson } from './insert-rows-json';
import { APPEND_CHANNEL, APPEND_NOTICE_PAYLOAD } from './append-notice';
import { encodePosition, LOG_START } from './global-position';

// Takes no transaction id, unlike a row lock, so the id this transaction
// gets at its first write comes after every earlier append to the stream
// has committed: (tx_id, position) order then agrees with revision order.
const LOCK_STREAM = `
  SELECT pg_advisory_xact_lock(
    hashtextextended(current_schema() || '/' || $1, 0))`;

const READ_STATE = `
  SELECT
    (SELECT json_build_object(
        'revision', s.revision::text,
        'lastHash', s.last_hash,
        'position', (SELECT e.tx_id::text || '/' || e.position::text
                     FROM events e
                     WHERE e.stream_name = s.stream_name
                       AND e.revision = s.revision))
     FROM streams s WHERE s.stream_name = $1) AS head,
    (SELECT coalesce(json_agg(json_build_object(
        'eventId', e.event_id::text,
        'streamName', e.stream_name,
        'revision', e.revision::text,
        'position', e.tx_id::text || '/' || e.position::text)), '[]'::json)
     FROM events e WHERE e.event_id = ANY($2::uuid[])) AS stored`;

const INSERT_EVENTS = `
  WITH inserted AS (
    INSERT INTO events (stream_name, revision, event_id, command_id, type,
      schema_version, data, metadata, recorded_at, hash, previous_hash)
    SELECT stream_name, revision, event_id, command_id, type,
      schema_version, data, metadata, recorded_at, hash, previous_hash
    FROM jsonb_to_recordset($1::jsonb) AS e(stream_name text,
      revision bigint, event_id uuid, command_id text, type text,
      schema_version integer, data jsonb, metadata jsonb,
      recorded_at timestamptz, hash text, previous_hash text)
    ORDER BY revision
    RETURNING tx_id, position)
  SELECT tx_id::text AS tx_id, max(position)::text AS position,
    pg_notify($2, ${APPEND_NOTICE_PAYLOAD})
  FROM inserted GROUP BY tx_id`;

interface StateRow {
  head: { revision: string; lastHash: string; position: string | null } | null;
  stored: {
    eventId: string;
    streamName: string;
    revision: string;
    position: string;
  }[];
}

/**
 * Appends inside a transaction the caller has begun (and will commit or
 * roll back); `PostgresEventStore.appendToStream` wraps it in a short one
 * of its own. Exported for tests that hold a transaction open. Call it
 * before the transaction writes anything else: an earlier write would give
 * the transaction an id that can sort it before appends it waited for.
 * Errors are raw node-postgres errors or the port's own ones.
 */
export async function appendInTransaction(
  client: ClientBase,
  streamName: string,
  events: readonly NewEvent[],
  options: { expectedRevision: ExpectedRevision },
): Promise<AppendResult> {
  const expected = options.expectedRevision;
  const batch = prepareBatch(streamName, events, expected);

  await client.query(LOCK_STREAM, [streamName]);
  const state = await readState(client, streamName, batch);

  const verdict = judgeStoredIds(
    streamName,
    batch,
    state.stored.map((s) => ({ ...s, revision: Number(s.revision) })),
  );
  if (verdict.kind === 'all') {
    return {
      nextExpectedRevision: verdict.nextExpectedRevision,
      position: verdict.position,
      alreadyAppended: true,
    };
  }

  const actual: ActualRevision = state.head
    ? Number(state.head.revision)
    : 'no-stream';
  checkExpectedRevision(streamName, expected, actual);
  if (batch.length === 0) {
    return {
      nextExpectedRevision: actual === 'no-stream' ? -1 : actual,
      position: state.head?.position ?? encodePosition(LOG_START),
      alreadyAppended: false,
    };
  }

  const chained = chainEvents(
    streamName,
    batch,
    { revision: actual, hash: state.head?.lastHash },
    new Date().toISOString(),
  );
  const last = chained[chained.length - 1];
  await moveHead(client, streamName, expected, actual, last);
  const inserted = await client.query<{ tx_id: string; position: string }>(
    INSERT_EVENTS,
    [insertRowsJson(chained, batch), APPEND_CHANNEL],
  );
  const { tx_id, position } = inserted.rows[0];
  return {
    nextExpectedRevision: last.revision,
    position: encodePosition({
      txId: BigInt(tx_id),
      position: BigInt(position),
    }),
    alreadyAppended: false,
  };
}

async function readState(
  client: ClientBase,
  streamName: string,
  batch: readonly NewEvent[],
): Promise<StateRow> {
  const result = await client.query<StateRow>(READ_STATE, [
    streamName,
    batch.map((e) => e.eventId),
  ]);
  return result.rows[0];
}

/**
 * The streams row is what enforces the expected revision: a second
 * creator hits its primary key, and an update guarded by the revision
 * read finds no row if another writer moved it.
 */
async function moveHead(
  client: ClientBase,
  streamName: string,
  expected: ExpectedRevision,
  actual: ActualRevision,
  last: ChainedEvent,
): Promise<void> {
  if (actual === 'no-stream') {
    await client.query(
      `INSERT INTO streams (stream_name, revision, last_hash)
       VALUES ($1, $2, $3)`,
      [streamName, last.revision, last.hash],
    );
    return;
  }
  const moved = await client.query(
    `UPDATE streams SET revision = $2, last_hash = $3
     WHERE stream_name = $1 AND revision = $4`,
    [streamName, last.revision, last.hash, actual],
  );
  if (moved.rowCount === 0) {
    const now = await client.query<{ revision: string }>(
      'SELECT revision::text AS revision FROM streams WHERE stream_name = $1',
      [streamName],
    );
    const revision = now.rows[0]?.revision;
    throw new WrongExpectedRevisionError(
      streamName,
      expected,
      revision === undefined ? 'no-stream' : Number(revision),
    );
  }
}
