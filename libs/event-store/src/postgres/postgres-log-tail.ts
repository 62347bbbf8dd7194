import type { Logger } from '@opsdesk/platform';
import type { Pool, PoolClient } from 'pg';
import type { AllFilter, RecordedEvent } from '../event-store.port';
import type { FeedPage } from '../subscription-loop';
import { APPEND_CHANNEL, parseAppendNotice } from './append-notice';
import { toRecordedEvent, type EventRow } from './event-row';
import {
  compareCursors,
  decodePosition,
  encodePosition,
  type LogCursor,
} from './global-position';
import { READ_GATE, READ_TAIL_PAGE } from './log-queries';
import type { NonAppendingTransactions } from './non-appending-transactions';
import { isPoolEnded } from './translate-error';

type PageRow = { gate: string } & (EventRow | { [K in keyof EventRow]: null });

interface Entry {
  cursor: LogCursor;
  event: RecordedEvent;
}

export interface LogTailSettings {
  /** Events kept in memory; a subscription further behind reads the table. */
  capacity: number;
  /** Rows per read of the table. */
  pageSize: number;
  /** The longest wait between reads when no append is announced. */
  pollIntervalMs: number;
  backoff: { initialMs: number; maxMs: number };
  logger: Logger;
  /** Open transactions of this process the gate need not wait for. */
  nonAppending?: NonAppendingTransactions;
}

/**
 * The newest part of the log, read once per store and shared by every
 * subscription of that store. One connection LISTENs for appends and
 * reads what is new; the last `capacity` events stay in memory, and a
 * subscription whose cursor lies inside that window is served from it.
 * Without it each subscription read the table on every append: with two
 * dozen projections and followers in a process, two dozen reads where
 * one does.
 *
 * The window only ever holds what a subscription's own read would have
 * returned: it is filled by the same gated query (the late-commit rule
 * of log-queries.ts), and `to` only moves to a position up to which every committed
 * event has been read. Events in it are frozen, since every subscriber
 * gets the same objects.
 */
export class PostgresLogTail {
  private entries: Entry[] = [];
  /** Exclusive: the window holds every event after `from` up to `to`. */
  private from: LogCursor | undefined;
  private to: LogCursor | undefined;
  private readonly wakers = new Set<() => void>();
  private client: PoolClient | undefined;
  private schema: string | undefined;
  private pumping: Promise<void> | undefined;
  private wakePending = false;
  private sleeper: (() => void) | undefined;
  private failures = 0;
  /** The highest transaction id an append announced. */
  private announced = 0n;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly settings: LogTailSettings,
  ) {}

  /** Whether the tail is reading without failures, so its window is current. */
  get healthy(): boolean {
    return this.failures === 0 && this.to !== undefined;
  }

  /** Calls `wake` whenever the window moves; returns the way to stop. */
  attach(wake: () => void): () => void {
    this.wakers.add(wake);
    this.pumping ??= this.pump().finally(() => {
      this.pumping = undefined;
    });
    return () => {
      this.wakers.delete(wake);
      if (this.wakers.size === 0) this.nudge();
    };
  }

  /**
   * The page a subscription at `after` would read, when the window holds
   * it; undefined when it must read the table itself.
   */
  serve(
    after: LogCursor,
    filter: AllFilter | undefined,
    limit: number,
  ): FeedPage | undefined {
    const { from, to } = this;
    if (from === undefined || to === undefined) return undefined;
    if (compareCursors(after, from) < 0) return undefined;
    if (compareCursors(after, to) > 0) {
      // The subscription read the table with a later gate than the
      // tail's last read; the tail wakes it once it has caught up.
      if (!this.healthy) return undefined;
      return { events: [] };
    }
    const prefixes = filter?.streamPrefixes;
    const events: RecordedEvent[] = [];
    let index = this.firstAfter(after);
    for (; index < this.entries.length; index++) {
      const { event } = this.entries[index];
      if (prefixes && !prefixes.some((p) => event.streamName.startsWith(p))) {
        continue;
      }
      events.push(event);
      if (events.length === limit) {
        return { events };
      }
    }
    return { events, scannedTo: encodePosition(to) };
  }

  /** Stops reading and lets go of the connection. */
  async close(): Promise<void> {
    this.closed = true;
    this.nudge();
    await this.pumping;
  }

  private async pump(): Promise<void> {
    while (!this.closed && this.wakers.size > 0) {
      this.wakePending = false;
      let moved = false;
      try {
        moved = await this.readNew();
        this.failures = 0;
      } catch (error) {
        this.drop();
        if (isPoolEnded(error)) break;
        this.failures += 1;
        this.settings.logger.warn(
          { err: error, failures: this.failures },
          'reading the log tail failed, retrying',
        );
        // Subscriptions read the table themselves meanwhile.
        this.wakeAll();
        await this.sleep(this.backoffMs());
        continue;
      }
      if (moved) this.wakeAll();
      await this.sleep(this.nextWaitMs());
    }
    this.drop();
  }

  /** Reads every visible event after `to`; true if the window moved. */
  private async readNew(): Promise<boolean> {
    const client = this.client ?? (await this.connect());
    if (this.to === undefined) {
      // Start at the present: older events are read by whoever needs them.
      const found = await client.query<{ gate: string }>(READ_GATE);
      const start = { txId: BigInt(found.rows[0].gate), position: 0n };
      this.from = start;
      this.to = start;
      return true;
    }
    let moved = false;
    for (;;) {
      const to: LogCursor = this.to;
      const result = await client.query<PageRow>(
        READ_TAIL_PAGE([
          to.txId.toString(),
          to.position.toString(),
          null,
          this.settings.pageSize,
          this.settings.nonAppending?.list() ?? [],
        ]),
      );
      const rows = result.rows.filter((row) => row.event_id !== null);
      for (const row of rows) {
        const event = deepFreeze(toRecordedEvent(row as EventRow));
        this.entries.push({ cursor: decodePosition(event.position), event });
      }
      const full = rows.length === this.settings.pageSize;
      const next: LogCursor = full
        ? this.entries[this.entries.length - 1].cursor
        : { txId: BigInt(result.rows[0].gate), position: 0n };
      if (compareCursors(next, to) > 0) {
        this.to = next;
        moved = true;
      }
      this.trim();
      if (!full) return moved;
    }
  }

  private trim(): void {
    const excess = this.entries.length - this.settings.capacity;
    if (excess <= 0) return;
    this.from = this.entries[excess - 1].cursor;
    this.entries = this.entries.slice(excess);
  }

  /** The index of the first entry after `after` (binary search). */
  private firstAfter(after: LogCursor): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareCursors(this.entries[middle].cursor, after) <= 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /**
   * An announced append the window does not cover yet is waiting behind
   * an older transaction still open: look again soon, not at the next
   * poll, since that transaction ends without a notice of its own if it
   * is not an append.
   */
  private nextWaitMs(): number {
    const to = this.to;
    if (to !== undefined && this.announced >= to.txId) return 2;
    return this.settings.pollIntervalMs;
  }

  private backoffMs(): number {
    const { initialMs, maxMs } = this.settings.backoff;
    return Math.min(maxMs, initialMs * 2 ** Math.min(this.failures - 1, 16));
  }

  private async connect(): Promise<PoolClient> {
    const client = await this.pool.connect();
    this.settings.nonAppending?.clear();
    // A checked-out client that loses its server emits 'error'; unheard,
    // it would crash the process. Reconnect at once instead.
    client.on('error', () => {
      if (this.client !== client) return;
      this.drop();
      this.nudge();
    });
    client.on('notification', (message) => {
      const notice = parseAppendNotice(message.payload);
      if (!notice || notice.schema !== this.schema) return;
      if (notice.txId > this.announced) this.announced = notice.txId;
      this.nudge();
    });
    try {
      await client.query(`LISTEN ${APPEND_CHANNEL}`);
      const found = await client.query<{ schema: string }>(
        'SELECT current_schema() AS schema',
      );
      this.schema = found.rows[0].schema;
    } catch (error) {
      client.release(true);
      throw error;
    }
    this.client = client;
    return client;
  }

  /** Ends the connection: a LISTENing client must not go back to the pool. */
  private drop(): void {
    const client = this.client;
    this.client = undefined;
    client?.release(true);
  }

  private wakeAll(): void {
    for (const wake of this.wakers) wake();
  }

  private nudge(): void {
    this.wakePending = true;
    this.sleeper?.();
  }

  /** Waits `ms`, or less when nudged; a nudge that came early counts. */
  private sleep(ms: number): Promise<void> {
    if (this.wakePending || this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      this.sleeper = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    }).then(() => {
      this.sleeper = undefined;
    });
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) {
    return value;
  }
  for (const item of Object.values(value)) deepFreeze(item);
  return Object.freeze(value);
}
