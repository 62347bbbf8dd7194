import type { Pool, PoolClient } from 'pg';
import type { AllFilter, GlobalPosition } from '../event-store.port';
import type { FeedPage, SubscriptionFeed } from '../subscription-loop';
import { APPEND_CHANNEL } from './append-in-transaction';
import { toRecordedEvent, type EventRow } from './event-row';
import {
  compareCursors,
  decodePosition,
  encodePosition,
} from './global-position';
import { READ_PAGE } from './log-queries';
import { isPoolEnded } from './translate-error';

type PageRow = { gate: string } & (EventRow | { [K in keyof EventRow]: null });

/**
 * One subscription's connection: it LISTENs for appends (a wake-up, never
 * the data itself) and runs the subscription's reads, so terminating it
 * exercises exactly the reconnect path.
 */
export class PostgresFeed implements SubscriptionFeed {
  private client: PoolClient | undefined;
  private schema: string | undefined;
  private wake: () => void = () => undefined;

  constructor(private readonly pool: Pool) {}

  onWake(wake: () => void): void {
    this.wake = wake;
  }

  async read(
    after: GlobalPosition | undefined,
    filter: AllFilter | undefined,
    limit: number,
  ): Promise<FeedPage> {
    const cursor = decodePosition(after);
    const client = this.client ?? (await this.connect());
    const result = await client.query<PageRow>(READ_PAGE, [
      cursor.txId.toString(),
      cursor.position.toString(),
      filter?.streamPrefixes ?? null,
      limit,
    ]);
    const events = result.rows.flatMap((row) =>
      row.event_id === null ? [] : [toRecordedEvent(row as EventRow)],
    );
    const gate = BigInt(result.rows[0].gate);
    return { events, scannedTo: encodePosition({ txId: gate, position: 0n }) };
  }

  later(a: GlobalPosition, b: GlobalPosition | undefined): GlobalPosition {
    if (b === undefined) return a;
    return compareCursors(decodePosition(a), decodePosition(b)) >= 0 ? a : b;
  }

  reset(): void {
    this.drop();
  }

  isFatal(error: unknown): boolean {
    return isPoolEnded(error);
  }

  async close(): Promise<void> {
    this.drop();
  }

  private async connect(): Promise<PoolClient> {
    const client = await this.pool.connect();
    // A checked-out client that loses its server emits 'error'; unheard,
    // it would crash the process. Reconnect at once instead of at the
    // next poll.
    client.on('error', () => {
      if (this.client !== client) return;
      this.drop();
      this.wake();
    });
    client.on('notification', (message) => {
      if (message.payload === this.schema) this.wake();
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
}
