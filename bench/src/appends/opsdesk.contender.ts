import {
  PostgresEventStore,
  postgresEventStoreMigrations,
} from '@opsdesk/event-store';
import {
  createLogger,
  createPool,
  runMigrations,
  type Migration,
} from '@opsdesk/platform';
import type { Pool } from 'pg';
import type {
  AppendContender,
  BenchEvent,
  ReadPage,
  StreamCursor,
} from './contender';

/** opsdesk's PostgreSQL store, through its public port. */
export class OpsdeskContender implements AppendContender {
  readonly name = 'opsdesk' as const;
  private readonly pool: Pool;
  private readonly store: PostgresEventStore;

  constructor(
    url: string,
    private readonly schema: string,
  ) {
    this.pool = createPool(url, schema, { max: 10 });
    this.store = new PostgresEventStore(this.pool, {
      logger: createLogger('bench-opsdesk', 'silent'),
    });
  }

  async setup(): Promise<void> {
    const migrations: Migration[] = [...postgresEventStoreMigrations];
    await runMigrations(this.pool, this.schema, migrations);
  }

  async append(
    stream: StreamCursor,
    events: readonly BenchEvent[],
  ): Promise<void> {
    const result = await this.store.appendToStream(
      stream.name,
      events.map((e) => ({
        eventId: e.eventId,
        type: e.type,
        schemaVersion: 1,
        data: e.data,
        metadata: e.metadata as never,
      })),
      {
        expectedRevision:
          stream.expected === undefined
            ? 'no-stream'
            : (stream.expected as number),
      },
    );
    stream.expected = result.nextExpectedRevision;
  }

  async readPage(after: unknown, limit: number): Promise<ReadPage> {
    const events = await this.store.readAll({
      after: after as string | undefined,
      maxCount: limit,
    });
    return {
      count: events.length,
      next: events.length ? events[events.length - 1].position : after,
    };
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM events',
    );
    return Number(rows[0].n);
  }

  async close(): Promise<void> {
    await this.store.close();
    await this.pool.end();
  }
}
