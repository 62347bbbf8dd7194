import {
  excludeSystemEvents,
  START,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type Filter,
} from '@kurrent/kurrentdb-client';
import {
  EventStoreClosedError,
  EventStoreUnavailableError,
} from '../event-store.errors';
import type {
  AllFilter,
  GlobalPosition,
  RecordedEvent,
} from '../event-store.port';
import type { FeedPage, SubscriptionFeed } from '../subscription-loop';
import type { KurrentDbConnection } from './kurrentdb-connection';
import { toRecordedEvent } from './kurrentdb-event';
import {
  comparePositions,
  decodePosition,
  isAfter,
} from './kurrentdb-position';
import { isAccessDenied, translateKurrentDbError } from './translate-error';

/** The server-side filter for a port filter: stream-name prefixes, else no system events. */
export function serverFilterFor(filter: AllFilter | undefined): Filter {
  const prefixes = filter?.streamPrefixes;
  return prefixes
    ? streamNameFilter({ prefixes: [...prefixes] })
    : excludeSystemEvents();
}

/**
 * One subscription's view of `$all`: a catch-up subscription of the
 * client, opened at the cursor the loop asks for and read as far as it
 * has buffered (the client's stream holds the rest back). When the
 * subscription fails or ends, the next read throws; the loop then resets
 * the feed and reads again from its last delivered position, which opens
 * a new subscription there (positions are exclusive), so nothing is
 * skipped and nothing is delivered twice.
 */
export class KurrentDbFeed implements SubscriptionFeed {
  private subscription: AllStreamSubscription | undefined;
  /** The position after which the open subscription's next event comes. */
  private handedTo: GlobalPosition | undefined;
  private failure: unknown;
  private wake: () => void = () => undefined;

  constructor(
    private readonly connection: KurrentDbConnection,
    private readonly isClosed: () => boolean,
  ) {}

  onWake(wake: () => void): void {
    this.wake = wake;
  }

  async read(
    after: GlobalPosition | undefined,
    filter: AllFilter | undefined,
    limit: number,
  ): Promise<FeedPage> {
    if (this.isClosed()) throw new EventStoreClosedError();
    if (this.failure !== undefined) throw this.failure;
    // No prefix at all matches nothing, as in the other adapters.
    if (filter?.streamPrefixes?.length === 0) return { events: [] };
    const cursor = after === undefined ? undefined : decodePosition(after);
    if (!this.subscription || after !== this.handedTo) {
      this.open(after, filter);
    }
    const subscription = this.subscription as AllStreamSubscription;

    const events: RecordedEvent[] = [];
    while (events.length < limit) {
      const item = subscription.read() as AllStreamResolvedEvent | null;
      if (item === null) break;
      const event = toRecordedEvent(item);
      if (!event || !item.event) continue;
      // Exclusive already on the server; checked again, as a cursor must be.
      if (!isAfter(item.event.position, cursor)) continue;
      events.push(event);
    }
    if (events.length > 0) {
      this.handedTo = events[events.length - 1].position;
    }
    return { events };
  }

  later(a: GlobalPosition, b: GlobalPosition | undefined): GlobalPosition {
    if (b === undefined) return a;
    return comparePositions(decodePosition(a), decodePosition(b)) >= 0 ? a : b;
  }

  reset(): void {
    this.drop();
    this.failure = undefined;
  }

  isFatal(error: unknown): boolean {
    return error instanceof EventStoreClosedError || isAccessDenied(error);
  }

  async close(): Promise<void> {
    this.drop();
  }

  /**
   * Test hook standing in for a lost connection: the subscription is
   * dropped and the next read fails, as after a network failure.
   */
  interrupt(): void {
    this.drop();
    this.failure = new EventStoreUnavailableError('simulated connection loss');
    this.wake();
  }

  private open(after: GlobalPosition | undefined, filter?: AllFilter): void {
    this.drop();
    const subscription = this.connection.subscribeToAll({
      fromPosition: after === undefined ? START : decodePosition(after),
      filter: serverFilterFor(filter),
    });
    subscription.on('readable', () => {
      if (this.subscription === subscription) this.wake();
    });
    subscription.on('error', (error: unknown) => {
      if (this.subscription !== subscription) return;
      this.failure = translateKurrentDbError(error);
      this.wake();
    });
    subscription.on('end', () => {
      if (this.subscription !== subscription) return;
      this.failure = new EventStoreUnavailableError(
        'KurrentDB ended the subscription',
      );
      this.wake();
    });
    this.subscription = subscription;
    this.handedTo = after;
  }

  private drop(): void {
    const subscription = this.subscription;
    this.subscription = undefined;
    if (!subscription) return;
    // Listeners stay: an error after the drop must not go unheard.
    void subscription
      .unsubscribe()
      .catch(() => undefined)
      .then(() => subscription.destroy());
  }
}
