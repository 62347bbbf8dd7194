import type { Pool } from 'pg';
import type { AllFilter, GlobalPosition } from '../event-store.port';
import type { FeedPage, SubscriptionFeed } from '../subscription-loop';
import { toRecordedEvent, type EventRow } from './event-row';
import {
  compareCursors,
  decodePosition,
  encodePosition,
} from './global-position';
import { READ_PAGE } from './log-queries';
import type { PostgresLogTail } from './postgres-log-tail';
import { isPoolEnded } from './translate-error';

type PageRow = { gate: string } & (EventRow | { [K in keyof EventRow]: null });

/**
 * One subscription's reads: from the store's shared tail while its cursor
 * is inside the tail's window, from the table while it catches up (or
 * while the tail cannot read). Wake-ups come from the tail.
 */
export class PostgresFeed implements SubscriptionFeed {
  private detach: (() => void) | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly tail: PostgresLogTail,
  ) {}

  onWake(wake: () => void): void {
    this.detach = this.tail.attach(wake);
  }

  async read(
    after: GlobalPosition | undefined,
    filter: AllFilter | undefined,
    limit: number,
  ): Promise<FeedPage> {
    const cursor = decodePosition(after);
    const served = this.tail.serve(cursor, filter, limit);
    if (served) return served;
    const result = await this.pool.query<PageRow>(
      READ_PAGE([
        cursor.txId.toString(),
        cursor.position.toString(),
        filter?.streamPrefixes ?? null,
        limit,
      ]),
    );
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
    // Reads borrow a pooled connection each; nothing is left to drop.
  }

  isFatal(error: unknown): boolean {
    return isPoolEnded(error);
  }

  async close(): Promise<void> {
    this.detach?.();
    this.detach = undefined;
  }
}
