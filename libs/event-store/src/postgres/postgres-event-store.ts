import { createLogger, type Logger } from '@opsdesk/platform';
import type { Pool, PoolClient } from 'pg';
import type { ActualRevision } from '../append-rules';
import { EventStoreClosedError } from '../event-store.errors';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { checkMaxCount, checkReadStreamOptions } from '../read-options';
import { SubscriptionLoop } from '../subscription-loop';
import { appendInTransaction } from './append-in-transaction';
import { toRecordedEvent, type EventRow } from './event-row';
import { decodePosition } from './global-position';
import {
  READ_ALL,
  READ_REVISION,
  READ_STREAM_BACKWARDS,
  READ_STREAM_FORWARDS,
} from './log-queries';
import { PostgresFeed } from './postgres-feed';
import { PostgresLogTail } from './postgres-log-tail';
import { translatePgError, type FailureContext } from './translate-error';

export interface PostgresEventStoreOptions {
  logger?: Logger;
  /** How often an idle subscription polls when no NOTIFY woke it. */
  pollIntervalMs?: number;
  /** Events a subscription reads per query. */
  batchSize?: number;
  /** The newest events kept in memory for every subscription to share. */
  tailCapacity?: number;
  /** Waits between a subscription's failed reads. */
  backoff?: { initialMs: number; maxMs: number };
}

/**
 * The event store on PostgreSQL (tables from
 * `postgresEventStoreMigrations`). The pool's search_path selects the
 * schema; the pool belongs to the caller, and `close()` leaves it open.
 * While any subscription runs, the store's log tail holds one of the
 * pool's connections (it LISTENs on it); subscriptions borrow others only
 * while they catch up.
 * An append that fails with EventStoreUnavailableError may or may not
 * have committed: retry the identical batch, which is idempotent.
 */
export class PostgresEventStore implements EventStore {
  private readonly logger: Logger;
  private readonly subscriptions = new Set<SubscriptionLoop>();
  private readonly tail: PostgresLogTail;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    this.logger = options.logger ?? createLogger('event-store');
    this.tail = new PostgresLogTail(pool, {
      capacity: options.tailCapacity ?? 5000,
      pageSize: options.batchSize ?? 500,
      pollIntervalMs: options.pollIntervalMs ?? 500,
      backoff: options.backoff ?? { initialMs: 100, maxMs: 5000 },
      logger: this.logger,
    });
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    this.assertOpen();
    const context: FailureContext = {
      stream: streamName,
      expected: options.expectedRevision,
      readActual: () => this.readRevision(streamName),
      events,
    };
    const client = await this.connect(context);
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await appendInTransaction(
        client,
        streamName,
        events,
        options,
      );
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw await translatePgError(error, context);
    } finally {
      client.release(broken);
    }
  }

  async readStream(
    streamName: string,
    options: ReadStreamOptions = {},
  ): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { direction, fromRevision, maxCount, untilMs } =
      checkReadStreamOptions(options);
    const sql =
      direction === 'forwards' ? READ_STREAM_FORWARDS : READ_STREAM_BACKWARDS;
    return this.query(sql, [
      streamName,
      fromRevision ?? null,
      // Milliseconds, as the in-memory store compares them.
      untilMs === undefined ? null : new Date(untilMs).toISOString(),
      maxCount ?? null,
    ]);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const cursor = decodePosition(options.after);
    return this.query(READ_ALL, [
      cursor.txId.toString(),
      cursor.position.toString(),
      options.filter?.streamPrefixes ?? null,
      checkMaxCount(options.maxCount) ?? null,
    ]);
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    this.assertOpen();
    decodePosition(options.after);
    const feed = new PostgresFeed(this.pool, this.tail);
    const loop = new SubscriptionLoop(feed, options, {
      batchSize: this.options.batchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 500,
      backoff: this.options.backoff ?? { initialMs: 100, maxMs: 5000 },
      logger: this.logger,
      onEnded: (ended) => this.subscriptions.delete(ended),
    });
    this.subscriptions.add(loop);
    return loop;
  }

  /** Stops every subscription (after their handlers in flight). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.tail.close();
  }

  private async query(sql: string, params: unknown[]) {
    try {
      const result = await this.pool.query<EventRow>(sql, params);
      return result.rows.map(toRecordedEvent);
    } catch (error) {
      throw await translatePgError(error);
    }
  }

  private async readRevision(streamName: string): Promise<ActualRevision> {
    try {
      const result = await this.pool.query<{ revision: string }>(
        READ_REVISION,
        [streamName],
      );
      const revision = result.rows[0]?.revision;
      return revision === undefined ? 'no-stream' : Number(revision);
    } catch (error) {
      throw await translatePgError(error);
    }
  }

  private async connect(context: FailureContext): Promise<PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw await translatePgError(error, context);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
