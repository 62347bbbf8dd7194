import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  WrongExpectedVersionError,
  type EventData,
} from '@kurrent/kurrentdb-client';
import { createLogger, type Logger } from '@opsdesk/platform';
import {
  chainEvents,
  checkExpectedRevision,
  isStorableJson,
  judgeStoredIds,
  prepareBatch,
  type ActualRevision,
} from '../append-rules';
import {
  EventStoreClosedError,
  EventStoreUnavailableError,
  InvalidAppendError,
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
import type { KurrentDbConnection } from './kurrentdb-connection';
import { toEventData, toRecordedEvent } from './kurrentdb-event';
import { serverFilterFor, KurrentDbFeed } from './kurrentdb-feed';
import { decodePosition, isAfter } from './kurrentdb-position';
import { toStreamState } from './stream-state';
import {
  isStreamNotFound,
  isUnknownOutcome,
  normaliseKurrentDbError,
  translateKurrentDbError,
  type FailureContext,
} from './translate-error';

export interface KurrentDbEventStoreOptions {
  logger?: Logger;
  /** How often an idle subscription looks again without a wake-up. */
  pollIntervalMs?: number;
  /** Events a subscription hands over per page. */
  batchSize?: number;
  /** Waits between a subscription's failed reads. */
  backoff?: { initialMs: number; maxMs: number };
  /**
   * Resends of an append whose outcome is unknown (timeout, unavailable),
   * and the first wait between them (doubling).
   */
  appendRetry?: { attempts: number; initialMs: number };
  /** Whether `close()` disposes of the connection (true by default). */
  ownsConnection?: boolean;
}

// A writer racing others for the same stream with `any` or
// `stream-exists` re-reads and rechains this often before giving up.
const MAX_CONFLICT_ROUNDS = 10;

/** Before every event, as an empty append to a missing stream reports. */
const LOG_START = 'kdb:0:0';

/**
 * The event store on KurrentDB. Streams and event types map one to one;
 * the event id is ours (deterministic), the data is our data, and the
 * metadata holds ours plus schema version, recordedAt and the hash chain.
 *
 * Every append reads the stream first: for the chain's previous hash, and
 * to find the batch's ids already there, which makes a retried command a
 * no-op reported as `alreadyAppended: true` whatever revision it names
 * (KurrentDB alone recognises a retry only at the same expected
 * revision). The server is then always sent the exact revision the chain
 * was computed on, so two writers can never both chain onto one head.
 *
 * An append whose outcome is unknown is resent as the identical batch
 * (same ids, same bytes) with the identical expected revision, never a
 * re-read one: the server then either writes it or recognises it. That
 * resent batch reports `alreadyAppended: false` either way, as this call
 * is what stored it.
 *
 * TODO(#3): an event id already used in another stream is not detected
 * (KurrentDB keeps ids unique per stream only); the other adapters refuse it.
 * TODO(#3): reading the whole stream on every append is linear in its
 * length; fine for tickets, not for long streams.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly logger: Logger;
  private readonly subscriptions = new Set<SubscriptionLoop>();
  private readonly feeds = new Set<KurrentDbFeed>();
  private closed = false;

  constructor(
    private readonly connection: KurrentDbConnection,
    private readonly options: KurrentDbEventStoreOptions = {},
  ) {
    this.logger = options.logger ?? createLogger('event-store');
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision;
    const batch = prepareBatch(streamName, events, expected);
    const context: FailureContext = { stream: streamName, expected };

    for (let round = 1; ; round++) {
      const stream = await this.readWholeStream(streamName);
      const verdict = judgeStoredIds(
        streamName,
        batch,
        stream.filter((e) => batch.some((b) => b.eventId === e.eventId)),
      );
      if (verdict.kind === 'all') {
        return {
          nextExpectedRevision: verdict.nextExpectedRevision,
          position: verdict.position,
          alreadyAppended: true,
        };
      }

      const last = stream[stream.length - 1];
      const actual: ActualRevision = last ? last.revision : 'no-stream';
      checkExpectedRevision(streamName, expected, actual);
      if (batch.length === 0) {
        return {
          nextExpectedRevision: actual === 'no-stream' ? -1 : actual,
          position: last?.position ?? LOG_START,
          alreadyAppended: false,
        };
      }
      refuseUnstorable(streamName, batch);

      const chained = chainEvents(
        streamName,
        batch,
        { revision: actual, hash: last?.hash },
        new Date().toISOString(),
      );
      try {
        await this.send(streamName, chained.map(toEventData), actual, context);
      } catch (error) {
        // Someone appended since the read: read again and decide afresh
        // (an exact expected revision then fails with the actual one).
        if (
          error instanceof WrongExpectedVersionError &&
          round < MAX_CONFLICT_ROUNDS
        ) {
          continue;
        }
        throw translateKurrentDbError(error, context);
      }
      const tail = chained[chained.length - 1];
      return {
        nextExpectedRevision: tail.revision,
        position: await this.positionOf(streamName, tail.revision, context),
        alreadyAppended: false,
      };
    }
  }

  async readStream(
    streamName: string,
    options: ReadStreamOptions = {},
  ): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { direction, fromRevision, maxCount, untilMs } =
      checkReadStreamOptions(options);
    if (maxCount === 0) return [];
    const forwards = direction === 'forwards';
    const events = await this.collectStream(streamName, {
      direction: forwards ? FORWARDS : BACKWARDS,
      fromRevision:
        fromRevision === undefined
          ? forwards
            ? START
            : END
          : BigInt(fromRevision),
      // recordedAt is ours, so the server cannot stop at it.
      maxCount: untilMs === undefined ? maxCount : undefined,
    });
    const inRange =
      untilMs === undefined
        ? events
        : events.filter((e) => Date.parse(e.recordedAt) <= untilMs);
    return maxCount === undefined ? inRange : inRange.slice(0, maxCount);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const after =
      options.after === undefined ? undefined : decodePosition(options.after);
    const limit = checkMaxCount(options.maxCount);
    if (limit === 0 || options.filter?.streamPrefixes?.length === 0) return [];
    const out: RecordedEvent[] = [];
    try {
      const read = this.connection.readAll({
        direction: FORWARDS,
        // Inclusive for reads: one more, then the cursor's own event goes.
        fromPosition: after ?? START,
        maxCount: limit === undefined ? undefined : limit + 1,
        filter: serverFilterFor(options.filter),
      });
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (!event || !resolved.event) continue;
        if (!isAfter(resolved.event.position, after)) continue;
        out.push(event);
        if (limit !== undefined && out.length >= limit) break;
      }
    } catch (error) {
      throw translateKurrentDbError(error);
    }
    return out;
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    this.assertOpen();
    if (options.after !== undefined) decodePosition(options.after);
    const feed = new KurrentDbFeed(this.connection, () => this.closed);
    const loop = new SubscriptionLoop(feed, options, {
      batchSize: this.options.batchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 1000,
      backoff: this.options.backoff ?? { initialMs: 100, maxMs: 5000 },
      logger: this.logger,
      onEnded: (ended) => {
        this.subscriptions.delete(ended);
        this.feeds.delete(feed);
      },
    });
    this.feeds.add(feed);
    this.subscriptions.add(loop);
    return loop;
  }

  /**
   * Test hook: drops every running subscription's server subscription, as
   * a lost connection would, so each resubscribes from its last delivered
   * position. The client offers no way to cut its own connection.
   */
  interruptSubscriptions(): void {
    for (const feed of this.feeds) feed.interrupt();
  }

  /** Stops every subscription (after their handlers in flight). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    if (this.options.ownsConnection ?? true) await this.connection.dispose();
  }

  /**
   * Appends, resending the identical batch with the identical expected
   * revision while the outcome is unknown, a bounded number of times.
   * Rejects with the client's error (normalised), untranslated.
   */
  private async send(
    streamName: string,
    batch: EventData[],
    actual: ActualRevision,
    context: FailureContext,
  ): Promise<void> {
    const streamState = toStreamState(actual);
    const { attempts, initialMs } = this.options.appendRetry ?? {
      attempts: 3,
      initialMs: 100,
    };
    for (let resend = 0; ; resend++) {
      try {
        await this.connection.appendToStream(streamName, batch, {
          streamState,
        });
        return;
      } catch (raw) {
        const error = normaliseKurrentDbError(raw);
        if (!isUnknownOutcome(error) || resend >= attempts) throw error;
        this.logger.warn(
          { err: error, stream: context.stream, resend: resend + 1 },
          'append outcome unknown, resending the identical batch',
        );
        await sleep(initialMs * 2 ** resend);
      }
    }
  }

  /** The position of the event at `revision`, as every read reports it. */
  private async positionOf(
    streamName: string,
    revision: number,
    context: FailureContext,
  ): Promise<string> {
    const [event] = await this.collectStream(
      streamName,
      { direction: FORWARDS, fromRevision: BigInt(revision), maxCount: 1 },
      context,
    );
    if (!event) {
      // Stored, but not yet readable here: the caller's retry of the
      // identical batch will find it and report it as already appended.
      throw new EventStoreUnavailableError(
        `KurrentDB stored ${streamName}@${revision} but did not return it`,
      );
    }
    return event.position;
  }

  private readWholeStream(streamName: string): Promise<RecordedEvent[]> {
    return this.collectStream(streamName, {
      direction: FORWARDS,
      fromRevision: START,
    });
  }

  private async collectStream(
    streamName: string,
    options: {
      direction: typeof FORWARDS | typeof BACKWARDS;
      fromRevision: typeof START | typeof END | bigint;
      maxCount?: number;
    },
    context: FailureContext = { stream: streamName },
  ): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    try {
      const read = this.connection.readStream(streamName, options);
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (event) out.push(event);
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw translateKurrentDbError(error, context);
    }
    return out;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}

/** PostgreSQL's jsonb refuses these; so do we, so that adapters agree. */
function refuseUnstorable(streamName: string, batch: readonly NewEvent[]) {
  const refused = batch.find(
    (e) => !isStorableJson(e.data) || !isStorableJson(e.metadata),
  );
  if (refused) {
    throw new InvalidAppendError(
      streamName,
      'unstorable-value',
      refused.eventId,
    );
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
