import { createLogger, type Logger } from '@opsdesk/platform';
import {
  checkExpectedRevision,
  chainEvents,
  isStorableJson,
  judgeStoredIds,
  prepareBatch,
  type ActualRevision,
} from '../append-rules';
import {
  EventStoreClosedError,
  EventStoreUnavailableError,
  InvalidAppendError,
  InvalidPositionError,
} from '../event-store.errors';
import type {
  AllFilter,
  AppendResult,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { checkMaxCount } from '../read-options';
import { SubscriptionLoop } from '../subscription-loop';
import { readStreamSlice } from './read-stream-slice';

export interface InMemoryEventStoreOptions {
  logger?: Logger;
  /** How often an idle subscription looks again without a wake-up. */
  pollIntervalMs?: number;
}

const POSITION = /^mem:(\d{1,15})$/;

/**
 * The event store for unit tests, with the PostgreSQL adapter's semantics:
 * the same validation, hash chain, idempotency and error shapes. Each
 * append is atomic and commits at once, so the log order is commit order.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly wakers = new Set<() => void>();
  private readonly subscriptions = new Set<SubscriptionLoop>();
  private readonly outages = new Set<{ pending: boolean }>();
  private readonly logger: Logger;
  private readonly pollIntervalMs: number;
  private closed = false;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.logger = options.logger ?? createLogger('event-store');
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    this.assertOpen();
    const batch = prepareBatch(streamName, events, options.expectedRevision);

    const stored = batch.flatMap((e) => {
      const found = this.byId.get(e.eventId);
      return found ? [found] : [];
    });
    const verdict = judgeStoredIds(streamName, batch, stored);
    if (verdict.kind === 'all') {
      return {
        nextExpectedRevision: verdict.nextExpectedRevision,
        position: verdict.position,
        alreadyAppended: true,
      };
    }

    const stream = this.streams.get(streamName);
    const last = stream?.[stream.length - 1];
    const actual: ActualRevision = last ? last.revision : 'no-stream';
    checkExpectedRevision(streamName, options.expectedRevision, actual);
    if (batch.length === 0) return this.emptyAppend(actual, last);
    // PostgreSQL's jsonb refuses these when it inserts; so do we, as late.
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

    const chained = chainEvents(
      streamName,
      batch,
      { revision: actual, hash: last?.hash },
      new Date().toISOString(),
    );
    const base = this.log.length;
    const recorded = chained.map((event, i) => ({
      ...event,
      position: `mem:${base + i + 1}`,
    }));
    this.log.push(...recorded);
    if (stream) stream.push(...recorded);
    else this.streams.set(streamName, recorded);
    for (const event of recorded) this.byId.set(event.eventId, event);
    for (const wake of this.wakers) wake();

    const tail = recorded[recorded.length - 1];
    return {
      nextExpectedRevision: tail.revision,
      position: tail.position,
      alreadyAppended: false,
    };
  }

  async readStream(
    streamName: string,
    options: ReadStreamOptions = {},
  ): Promise<RecordedEvent[]> {
    this.assertOpen();
    const stream = this.streams.get(streamName) ?? [];
    return readStreamSlice(stream, options).map(copy);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.select(options.after, options.filter, options.maxCount);
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    this.assertOpen();
    if (options.after !== undefined) sequenceOf(options.after);
    const outage = { pending: false };
    const store = this;
    let waker: (() => void) | undefined;
    const loop = new SubscriptionLoop(
      {
        async read(after, filter, limit) {
          if (outage.pending) {
            outage.pending = false;
            throw new EventStoreUnavailableError('simulated connection loss');
          }
          return { events: store.select(after, filter, limit) };
        },
        later: (a) => a,
        onWake(wake) {
          waker = wake;
          store.wakers.add(wake);
        },
        reset: () => undefined,
        isFatal: (error) => error instanceof EventStoreClosedError,
        async close() {
          if (waker) store.wakers.delete(waker);
          store.outages.delete(outage);
        },
      },
      options,
      {
        batchSize: 500,
        pollIntervalMs: this.pollIntervalMs,
        backoff: { initialMs: 5, maxMs: 200 },
        logger: this.logger,
        onEnded: (ended) => this.subscriptions.delete(ended),
      },
    );
    this.outages.add(outage);
    this.subscriptions.add(loop);
    return loop;
  }

  /**
   * Test hook standing in for dropped connections: the next read of every
   * running subscription fails as a lost connection would.
   */
  interruptSubscriptions(): void {
    for (const outage of this.outages) outage.pending = true;
    for (const wake of this.wakers) wake();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }

  private select(
    after: GlobalPosition | undefined,
    filter: AllFilter | undefined,
    maxCount: number | undefined,
  ): RecordedEvent[] {
    const start = after === undefined ? 0 : sequenceOf(after);
    const limit = checkMaxCount(maxCount) ?? Number.POSITIVE_INFINITY;
    const prefixes = filter?.streamPrefixes;
    const out: RecordedEvent[] = [];
    for (let i = start; i < this.log.length && out.length < limit; i++) {
      const event = this.log[i];
      if (prefixes && !prefixes.some((p) => event.streamName.startsWith(p))) {
        continue;
      }
      out.push(copy(event));
    }
    return out;
  }

  private emptyAppend(
    actual: ActualRevision,
    last: RecordedEvent | undefined,
  ): AppendResult {
    return {
      nextExpectedRevision: actual === 'no-stream' ? -1 : actual,
      position: last?.position ?? 'mem:0',
      alreadyAppended: false,
    };
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}

/** `mem:N` is the N-th event of the log; reading after it starts at index N. */
function sequenceOf(position: GlobalPosition): number {
  const match = POSITION.exec(position);
  if (!match) throw new InvalidPositionError(position);
  return Number(match[1]);
}

function copy(event: RecordedEvent): RecordedEvent {
  return structuredClone(event);
}
