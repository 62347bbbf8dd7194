import {
  createLogger,
  type Logger,
  type PreparedQuery,
} from '@opsdesk/platform';
import type { Pool, PoolClient } from 'pg';
import {
  chainEvents,
  checkExpectedRevision,
  judgeStoredIds,
  prepareBatch,
  satisfiesExpected,
  type ActualRevision,
  type PreparedEvent,
} from '../append-rules';
import {
  EventStoreClosedError,
  EventStoreUnavailableError,
} from '../event-store.errors';
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
import { AppendBatcher } from './append-batcher';
import { appendInTransaction } from './append-in-transaction';
import { toRecordedEvent, type EventRow } from './event-row';
import { decodePosition, encodePosition } from './global-position';
import { insertRowsJson } from './insert-rows-json';
import {
  READ_ALL,
  READ_HEAD,
  READ_STREAM_BACKWARDS,
  READ_STREAM_FORWARDS,
} from './log-queries';
import type { NonAppendingTransactions } from './non-appending-transactions';
import { PostgresFeed } from './postgres-feed';
import { PostgresLogTail } from './postgres-log-tail';
import { StreamHeads, type StreamHead } from './stream-heads';
import { translatePgError, type FailureContext } from './translate-error';

const NO_HEAD: StreamHead = { revision: 'no-stream', hash: undefined };
// A hash no event has: the server checks the ids and reports the head,
// and writes nothing.
const PROBE_HASH = 'probe';
const MAX_HEAD_ATTEMPTS = 20;

export interface PostgresEventStoreOptions {
  logger?: Logger;
  /** How often an idle subscription polls when no NOTIFY woke it. */
  pollIntervalMs?: number;
  /** Events a subscription reads per query. */
  batchSize?: number;
  /** The newest events kept in memory for every subscription to share. */
  tailCapacity?: number;
  /** Appends sent together in one call, at most (group commit). */
  appendBatchSize?: number;
  /** Group-commit calls on their way at once. */
  appendCalls?: number;
  /** Waits between a subscription's failed reads. */
  backoff?: { initialMs: number; maxMs: number };
  /**
   * Open transactions of this process that append nothing (read models'
   * pages): the log tail reads past them instead of waiting.
   */
  nonAppending?: NonAppendingTransactions;
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
  private readonly batcher: AppendBatcher;
  private readonly heads = new StreamHeads();
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
      nonAppending: options.nonAppending,
    });
    this.batcher = new AppendBatcher(pool, {
      maxItems: options.appendBatchSize ?? 64,
      maxCalls: options.appendCalls ?? 2,
    });
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision;
    const batch = prepareBatch(streamName, events, expected);
    const context = {
      stream: streamName,
      expected,
      readActual: () => this.readRevision(streamName),
      events,
    };
    // Nothing to write: only the expected revision is checked.
    if (batch.length === 0) return this.appendInOwnTransaction(context);
    try {
      return await this.appendBatched(streamName, batch, expected);
    } catch (error) {
      // Whether it was written is unknown: ask the server next time.
      this.heads.forget(streamName);
      throw await translatePgError(error, context);
    }
  }

  /**
   * Chains the events on the stream's head (remembered, or read) and
   * hands them to the group commit. The server writes them only on the
   * head they were chained on; told of another head, this chains again
   * while the expected revision allows it.
   */
  private async appendBatched(
    stream: string,
    batch: readonly PreparedEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    let head =
      this.heads.get(stream) ??
      (expected === 'no-stream' ? NO_HEAD : await this.readHead(stream));
    for (let attempt = 1; ; attempt++) {
      const allowed = satisfiesExpected(expected, head.revision);
      // Not allowed on this head: ask without writing (a probe never
      // matches), since the ids may be stored already, from a retry.
      const chained = chainEvents(
        stream,
        batch,
        head,
        new Date().toISOString(),
      );
      const outcome = await this.batcher.append({
        stream,
        headRevision: head.revision === 'no-stream' ? -1 : head.revision,
        headHash: allowed ? (head.hash ?? null) : PROBE_HASH,
        events: chained,
        rowsJson: insertRowsJson(chained, batch),
      });
      if (outcome.outcome === 'appended') {
        const last = chained[chained.length - 1];
        this.heads.set(stream, { revision: last.revision, hash: last.hash });
        return {
          nextExpectedRevision: last.revision,
          position: encodePosition({
            txId: BigInt(outcome.txId),
            position: BigInt(outcome.lastPosition),
          }),
          alreadyAppended: false,
        };
      }
      if (outcome.outcome === 'stored') {
        const verdict = judgeStoredIds(
          stream,
          batch,
          outcome.stored.map((s) => ({ ...s, revision: Number(s.revision) })),
        );
        if (verdict.kind === 'all') {
          return {
            nextExpectedRevision: verdict.nextExpectedRevision,
            position: verdict.position,
            alreadyAppended: true,
          };
        }
      }
      if (outcome.outcome === 'moved') {
        head = {
          revision:
            outcome.actualRevision < 0 ? 'no-stream' : outcome.actualRevision,
          hash: outcome.actualHash ?? undefined,
        };
        this.heads.set(stream, head);
      }
      checkExpectedRevision(stream, expected, head.revision);
      if (attempt >= MAX_HEAD_ATTEMPTS) {
        throw new EventStoreUnavailableError(
          `the head of ${stream} kept moving under ${attempt} appends; ` +
            'retry the append',
        );
      }
    }
  }

  /** The statement-by-statement append, for a batch with no events. */
  private async appendInOwnTransaction(
    context: FailureContext & { stream: string; expected: ExpectedRevision },
  ): Promise<AppendResult> {
    const client = await this.connect(context);
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await appendInTransaction(client, context.stream, [], {
        expectedRevision: context.expected,
      });
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
    const statement =
      direction === 'forwards' ? READ_STREAM_FORWARDS : READ_STREAM_BACKWARDS;
    const events = await this.query(statement, [
      streamName,
      fromRevision ?? null,
      // Milliseconds, as the in-memory store compares them.
      untilMs === undefined ? null : new Date(untilMs).toISOString(),
      maxCount ?? null,
    ]);
    // A read to the end of the stream has seen its head.
    const last = events[events.length - 1];
    if (
      direction === 'forwards' &&
      untilMs === undefined &&
      !maxCount &&
      last
    ) {
      this.heads.set(streamName, { revision: last.revision, hash: last.hash });
    }
    return events;
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

  private async query(statement: PreparedQuery, params: unknown[]) {
    try {
      const result = await this.pool.query<EventRow>(statement(params));
      return result.rows.map(toRecordedEvent);
    } catch (error) {
      throw await translatePgError(error);
    }
  }

  private async readRevision(streamName: string): Promise<ActualRevision> {
    return (await this.readHead(streamName)).revision;
  }

  private async readHead(streamName: string): Promise<StreamHead> {
    try {
      const result = await this.pool.query<{
        revision: string;
        last_hash: string;
      }>(READ_HEAD([streamName]));
      const row = result.rows[0];
      return row
        ? { revision: Number(row.revision), hash: row.last_hash }
        : NO_HEAD;
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
