import type { Logger } from '@opsdesk/platform';
import type {
  AllFilter,
  GlobalPosition,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from './event-store.port';

/** One page of the global log after a cursor, as an adapter reads it. */
export interface FeedPage {
  events: RecordedEvent[];
  /**
   * When the page is short: a position up to which every event was looked
   * at (matching or not), so a filtered reader need not scan it again.
   */
  scannedTo?: GlobalPosition;
}

/** What an adapter gives the loop: reads, wake-ups and a connection. */
export interface SubscriptionFeed {
  read(
    after: GlobalPosition | undefined,
    filter: AllFilter | undefined,
    limit: number,
  ): Promise<FeedPage>;
  /** `scannedTo` and a delivered position: the later of the two. */
  later(a: GlobalPosition, b: GlobalPosition | undefined): GlobalPosition;
  /** Called with `wake` once; the feed calls it when new events may exist. */
  onWake(wake: () => void): void;
  /** Drops whatever connection a failed read left behind. */
  reset(error: unknown): void;
  /** A read error that retrying cannot cure (e.g. the pool was ended). */
  isFatal(error: unknown): boolean;
  close(): Promise<void>;
}

export interface LoopSettings {
  batchSize: number;
  pollIntervalMs: number;
  backoff: { initialMs: number; maxMs: number };
  logger: Logger;
  /** Told when the loop has ended, so the store can forget it. */
  onEnded(subscription: SubscriptionLoop): void;
}

/**
 * A catch-up subscription shared by the adapters: read a page after the
 * cursor, hand its events to the handler one at a time (or the page at
 * once, with `onEvents`), wait for a wake
 * or the poll interval, repeat. A read failure is retried with backoff
 * from the cursor (so nothing is skipped or delivered twice); a handler
 * failure ends the subscription and is reported through `onError`.
 */
export class SubscriptionLoop implements Subscription {
  private cursor: GlobalPosition | undefined;
  private delivered: GlobalPosition | undefined;
  private stopping = false;
  private wakePending = false;
  private wakeSleeper: (() => void) | undefined;
  private readonly finished: Promise<void>;

  constructor(
    private readonly feed: SubscriptionFeed,
    private readonly options: SubscribeOptions,
    private readonly settings: LoopSettings,
  ) {
    this.cursor = options.after;
    feed.onWake(() => this.wake());
    const run = this.run();
    this.finished = run.then(() => undefined);
    // Reported after `finished` settles, so onError may await stop().
    void run.then((failure) => this.report(failure));
  }

  get lastPosition(): GlobalPosition | undefined {
    return this.delivered;
  }

  /**
   * Resolves once the handler in flight, if any, has finished. A handler
   * may call it, but must not await it: it would wait for itself.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.finished;
  }

  private async run(): Promise<{ error: unknown } | undefined> {
    let failures = 0;
    let failure: { error: unknown } | undefined;
    while (!this.stopping) {
      let page: FeedPage;
      try {
        page = await this.feed.read(
          this.cursor,
          this.options.filter,
          this.settings.batchSize,
        );
        failures = 0;
      } catch (error) {
        this.feed.reset(error);
        if (this.stopping) break;
        if (this.feed.isFatal(error)) {
          failure = { error };
          break;
        }
        failures += 1;
        // TODO(#3): past some bound, tell the owner (onError or a health
        // flag) instead of retrying quietly for as long as the outage lasts.
        this.settings.logger.warn(
          { err: error, failures },
          'event subscription read failed, retrying',
        );
        await this.sleep(this.backoffMs(failures));
        continue;
      }

      failure = await this.deliver(page.events);
      if (failure || this.stopping) break;

      if (page.events.length < this.settings.batchSize) {
        if (page.scannedTo !== undefined) {
          this.cursor = this.feed.later(page.scannedTo, this.cursor);
        }
        await this.sleep(this.settings.pollIntervalMs);
      }
    }
    await this.feed.close().catch((error: unknown) => {
      this.settings.logger.warn({ err: error }, 'closing subscription feed');
    });
    this.settings.onEnded(this);
    return failure;
  }

  private async deliver(
    events: readonly RecordedEvent[],
  ): Promise<{ error: unknown } | undefined> {
    if (this.options.onEvents) return this.deliverPage(events);
    const { onEvent } = this.options;
    for (const event of events) {
      // Events not yet started are left for whoever resumes from here.
      if (this.stopping) return undefined;
      try {
        await onEvent(event);
      } catch (error) {
        this.stopping = true;
        return { error };
      }
      this.cursor = event.position;
      this.delivered = event.position;
    }
    return undefined;
  }

  private async deliverPage(
    events: readonly RecordedEvent[],
  ): Promise<{ error: unknown } | undefined> {
    const onEvents = this.options.onEvents;
    if (!onEvents || events.length === 0 || this.stopping) return undefined;
    try {
      await onEvents(events);
    } catch (error) {
      this.stopping = true;
      return { error };
    }
    const last = events[events.length - 1].position;
    this.cursor = last;
    this.delivered = last;
    return undefined;
  }

  private report(failure: { error: unknown } | undefined): void {
    if (!failure) return;
    if (!this.options.onError) {
      this.settings.logger.error(
        { err: failure.error, lastPosition: this.delivered },
        'event subscription stopped',
      );
      return;
    }
    try {
      this.options.onError(failure.error);
    } catch (error) {
      this.settings.logger.error({ err: error }, 'subscription onError threw');
    }
  }

  private backoffMs(failures: number): number {
    const { initialMs, maxMs } = this.settings.backoff;
    return Math.min(maxMs, initialMs * 2 ** Math.min(failures - 1, 16));
  }

  private wake(): void {
    this.wakePending = true;
    this.wakeSleeper?.();
  }

  /** Waits `ms`, or less when woken; a wake that came early counts. */
  private sleep(ms: number): Promise<void> {
    if (this.wakePending || this.stopping) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      this.wakeSleeper = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    }).then(() => {
      this.wakeSleeper = undefined;
      this.wakePending = false;
    });
  }
}
