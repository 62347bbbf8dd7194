import { GENESIS_HASH, hashEvent } from '@opsdesk/event-store';
import type { Pool } from 'pg';
import { LifecycleGenerator, type TicketHistory } from '../fixtures/lifecycles';

export interface BuiltLog {
  events: number;
  tickets: number;
  openTickets: number;
  /** The last position, as the store encodes it. */
  head: string;
  elapsedMs: number;
}

// The columns and order of the store's own insert, minus the NOTIFY: a
// bulk load of rows identical to what `appendToStream` writes.
const INSERT_EVENTS = `
  INSERT INTO events (stream_name, revision, event_id, command_id, type,
    schema_version, data, metadata, recorded_at, hash, previous_hash)
  SELECT stream_name, revision, event_id, command_id, type,
    schema_version, data, metadata, recorded_at, hash, previous_hash
  FROM jsonb_to_recordset($1::jsonb) AS e(seq integer, stream_name text,
    revision bigint, event_id uuid, command_id text, type text,
    schema_version integer, data jsonb, metadata jsonb,
    recorded_at timestamptz, hash text, previous_hash text)
  ORDER BY seq`;

const INSERT_STREAMS = `
  INSERT INTO streams (stream_name, revision, last_hash)
  SELECT stream_name, revision, last_hash
  FROM jsonb_to_recordset($1::jsonb)
    AS s(stream_name text, revision bigint, last_hash text)`;

/** Rows per statement: each statement is its own short transaction. */
const BATCH_EVENTS = 2000;

interface Row {
  seq: number;
  stream_name: string;
  revision: number;
  event_id: string;
  command_id: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recorded_at: string;
  hash: string;
  previous_hash: string;
}

/**
 * Chains a batch of tickets as the store would and interleaves their
 * commands round-robin, as a busy desk's log interleaves tickets.
 */
function rowsOf(tickets: readonly TicketHistory[]) {
  const rows: Row[] = [];
  const heads = new Map<string, { revision: number; hash: string }>();
  const longest = Math.max(...tickets.map((t) => t.appends.length));
  for (let step = 0; step < longest; step++) {
    for (const ticket of tickets) {
      const append = ticket.appends[step];
      if (!append) continue;
      const at = append.recordedAt;
      for (const event of append.events) {
        const head = heads.get(ticket.streamName);
        const revision = head ? head.revision + 1 : 0;
        const previousHash = head ? head.hash : GENESIS_HASH;
        const hash = hashEvent({
          streamName: ticket.streamName,
          revision,
          eventId: event.eventId,
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data,
          metadata: event.metadata,
          recordedAt: at,
          previousHash,
        });
        heads.set(ticket.streamName, { revision, hash });
        rows.push({
          seq: rows.length,
          stream_name: ticket.streamName,
          revision,
          event_id: event.eventId,
          command_id: event.metadata.commandId,
          type: event.type,
          schema_version: event.schemaVersion,
          data: event.data,
          metadata: event.metadata,
          recorded_at: at,
          hash,
          previous_hash: previousHash,
        });
      }
    }
  }
  const streams = [...heads.entries()].map(([stream_name, h]) => ({
    stream_name,
    revision: h.revision,
    last_hash: h.hash,
  }));
  return { rows, streams };
}

/**
 * Fills the schema's event store (tables already migrated) with at least
 * `targetEvents` station-fault events from the domain's own decider.
 * `openShare` of the tickets stop part way, so inboxes have work.
 */
export async function buildLog(
  pool: Pool,
  targetEvents: number,
  openShare = 0.25,
): Promise<BuiltLog> {
  const generator = new LifecycleGenerator(20261204);
  const startedAt = performance.now();
  let events = 0;
  let tickets = 0;
  let openTickets = 0;
  const inFlight = new Set<Promise<void>>();
  while (events < targetEvents) {
    const batch: TicketHistory[] = [];
    let batchEvents = 0;
    while (batchEvents < BATCH_EVENTS && events + batchEvents < targetEvents) {
      const ticket = generator.ticket(openShare);
      batch.push(ticket);
      batchEvents += ticket.appends.reduce((n, a) => n + a.events.length, 0);
      if (!ticket.closed) openTickets += 1;
    }
    const { rows, streams } = rowsOf(batch);
    events += rows.length;
    tickets += batch.length;
    // Two statements in flight: one generating, one inserting.
    const insert = (async () => {
      await pool.query(INSERT_EVENTS, [JSON.stringify(rows)]);
      await pool.query(INSERT_STREAMS, [JSON.stringify(streams)]);
    })();
    inFlight.add(insert);
    void insert.finally(() => inFlight.delete(insert));
    if (inFlight.size >= 2) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  await pool.query('ANALYZE events');
  const { rows } = await pool.query<{ head: string }>(
    `SELECT tx_id::text || '/' || position::text AS head
       FROM events ORDER BY tx_id DESC, position DESC LIMIT 1`,
  );
  return {
    events,
    tickets,
    openTickets,
    head: rows[0].head,
    elapsedMs: performance.now() - startedAt,
  };
}
