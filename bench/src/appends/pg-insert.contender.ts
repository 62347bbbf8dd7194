import { createPool } from '@opsdesk/platform';
import type { Pool } from 'pg';
import type {
  AppendContender,
  BenchEvent,
  ReadPage,
  StreamCursor,
} from './contender';

const COLUMNS = 6;

/**
 * The floor: a plain INSERT per append (one row per event, one statement,
 * autocommit), with no concurrency check, idempotency or hash chain.
 */
export class PgInsertContender implements AppendContender {
  readonly name = 'pg-insert' as const;
  private readonly pool: Pool;

  constructor(url: string, schema: string) {
    this.pool = createPool(url, schema, { max: 10 });
  }

  async setup(): Promise<void> {
    await this.pool.query(`
      CREATE TABLE IF NOT EXISTS bench_events (
        id bigserial PRIMARY KEY,
        stream_name text NOT NULL,
        revision integer NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async append(
    stream: StreamCursor,
    events: readonly BenchEvent[],
  ): Promise<void> {
    const values: unknown[] = [];
    const tuples = events.map((e, i) => {
      values.push(
        stream.name,
        stream.events + i,
        e.eventId,
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata),
      );
      const at = i * COLUMNS;
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6})`;
    });
    await this.pool.query(
      `INSERT INTO bench_events
         (stream_name, revision, event_id, type, data, metadata)
       VALUES ${tuples.join(', ')}`,
      values,
    );
  }

  async readPage(after: unknown, limit: number): Promise<ReadPage> {
    const result = await this.pool.query<{ id: string }>(
      `SELECT e.id::text AS id, stream_name, revision, event_id::text, type,
              data::text AS data, metadata::text AS metadata, recorded_at
         FROM bench_events e WHERE e.id > $1::bigint ORDER BY e.id LIMIT $2`,
      [(after as string | undefined) ?? '0', limit],
    );
    for (const row of result.rows as unknown as Record<string, string>[]) {
      // Parsed as the event stores parse theirs.
      JSON.parse(row.data);
      JSON.parse(row.metadata);
    }
    return {
      count: result.rows.length,
      next: result.rows.length ? result.rows[result.rows.length - 1].id : after,
    };
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM bench_events',
    );
    return Number(rows[0].n);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
