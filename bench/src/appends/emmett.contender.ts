import { dumbo, rawSql } from '@event-driven-io/dumbo';
import {
  getPostgreSQLEventStore,
  readMessagesBatch,
  type PostgresEventStore,
} from '@event-driven-io/emmett-postgresql';
import type {
  AppendContender,
  BenchEvent,
  ReadPage,
  StreamCursor,
} from './contender';

/**
 * Emmett's PostgreSQL event store (installed for this comparison), in its
 * own schema through search_path. Global reads use Emmett's own batch
 * reader, the one its consumers poll with.
 */
export class EmmettContender implements AppendContender {
  readonly name = 'emmett' as const;
  private readonly pool: ReturnType<typeof dumbo>;
  private readonly store: PostgresEventStore;

  constructor(schemaUrl: string) {
    this.pool = dumbo({ connectionString: schemaUrl });
    this.store = getPostgreSQLEventStore(schemaUrl, {
      connectionOptions: { dumbo: this.pool },
    });
  }

  async setup(): Promise<void> {
    await this.store.schema.migrate();
  }

  async append(
    stream: StreamCursor,
    events: readonly BenchEvent[],
  ): Promise<void> {
    const result = await this.store.appendToStream(
      stream.name,
      events.map((e) => ({
        type: e.type,
        data: e.data,
        metadata: { ...e.metadata, messageId: e.eventId },
      })),
      stream.expected === undefined
        ? { expectedStreamVersion: 'STREAM_DOES_NOT_EXIST' }
        : { expectedStreamVersion: stream.expected as bigint },
    );
    stream.expected = result.nextExpectedStreamVersion;
  }

  async readPage(after: unknown, limit: number): Promise<ReadPage> {
    const result = await readMessagesBatch(this.pool.execute, {
      after: (after as bigint | undefined) ?? 0n,
      batchSize: limit,
    });
    return {
      count: result.messages.length,
      next: result.currentGlobalPosition,
    };
  }

  async count(): Promise<number> {
    const result = await this.pool.execute.query<{ n: string }>(
      rawSql('SELECT count(*)::text AS n FROM emt_messages'),
    );
    return Number(result.rows[0].n);
  }

  async close(): Promise<void> {
    await this.store.close();
    await this.pool.close();
  }
}
