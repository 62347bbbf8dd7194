import type {
  EventStore,
  RecordedEvent,
  Subscription,
} from '@opsdesk/event-store';
import { LeaseLostError, type Fence, type Logger } from '@opsdesk/platform';
import type { CheckpointStore } from '../process-manager/checkpoint-store';
import { PacedCheckpoint } from './paced-checkpoint';

const RESTART_DELAY_MS = 1000;

interface LogFollowerCommon {
  /** Also the checkpoint's key. */
  name: string;
  store: EventStore;
  checkpoints: CheckpointStore;
  streamPrefixes: readonly string[];
  logger: Logger;
}

/**
 * The handler is awaited one event at a time (`handle`) or a page at a
 * time (`handlePage`); the checkpoint moves after the pages the log gives,
 * at most every so often (PacedCheckpoint), so a crash replays the events
 * handled since.
 */
export type LogFollowerOptions = LogFollowerCommon &
  (
    | { handle(event: RecordedEvent): Promise<void> }
    | { handlePage(events: readonly RecordedEvent[]): Promise<void> }
  );

/**
 * A checkpointed consumer of the stored log (the process manager, the
 * timers, the links between processes): a crash between a handler's
 * effect and its checkpoint
 * replays the event, so handlers make their effects idempotent (ids
 * derived from the event). A failing handler stops the subscription,
 * which starts again from the checkpoint a moment later.
 */
export class LogFollower {
  private subscription?: Subscription;
  private restartTimer?: NodeJS.Timeout;
  /** Whether the owner wants it running (start called, stop not yet). */
  private wanted = false;
  private starting?: Promise<void>;
  /** The lease it writes its checkpoint under, when it runs under one. */
  private fence?: Fence;
  private readonly checkpoint: PacedCheckpoint;
  /** The running subscription's token; callbacks of older ones no-op. */
  private current?: object;

  constructor(private readonly options: LogFollowerOptions) {
    this.checkpoint = new PacedCheckpoint({
      save: (position) =>
        options.checkpoints.save(options.name, position, this.fence),
      onError: (error) => this.lost(this.current, error),
    });
  }

  /** Subscribes from the checkpoint; does nothing while subscribed. */
  start(fence?: Fence): Promise<void> {
    this.wanted = true;
    this.fence = fence;
    this.starting ??= this.subscribe().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  async stop(): Promise<void> {
    this.wanted = false;
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    await this.starting?.catch(() => undefined);
    this.current = undefined;
    await this.subscription?.stop();
    this.subscription = undefined;
    this.starting = undefined;
    // What it handled last is not replayed by the next start.
    await this.checkpoint.flush().catch((error: unknown) => {
      this.options.logger.warn(
        { err: error, consumer: this.options.name },
        'log follower stopped without saving its last position',
      );
    });
  }

  private async subscribe(): Promise<void> {
    const { name, store, checkpoints, streamPrefixes, logger } = this.options;
    // A save still on its way lands before the load, so the checkpoint
    // never moves back behind where this subscription starts.
    await this.checkpoint.discard();
    const after = await checkpoints.load(name);
    logger.info({ consumer: name, after }, 'log follower started');
    const token = {};
    this.current = token;
    this.subscription = store.subscribeToAll({
      after,
      filter: { streamPrefixes },
      onEvents: async (events) => {
        // A page of a subscription given up on is left to the next one,
        // which starts from the stored checkpoint.
        if (this.current !== token) return;
        await this.handlePage(events);
        if (this.current !== token) return;
        await this.checkpoint.passed(events[events.length - 1].position);
      },
      onError: (error) => this.lost(token, error),
    });
  }

  private async handlePage(events: readonly RecordedEvent[]): Promise<void> {
    const { options } = this;
    if ('handlePage' in options) return options.handlePage(events);
    for (const event of events) await options.handle(event);
  }

  /** The subscription of `token` failed: a page, or a timed save. */
  private lost(token: object | undefined, error: unknown): void {
    // News from a subscription already given up on changes nothing.
    if (token === undefined || this.current !== token) return;
    this.current = undefined;
    void this.subscription?.stop().catch(() => undefined);
    this.subscription = undefined;
    this.starting = undefined;
    // Fenced off: the lease's owner stops it and has said so.
    if (error instanceof LeaseLostError) return;
    this.options.logger.error(
      { err: error, consumer: this.options.name },
      'log follower stopped; restarting from its checkpoint',
    );
    this.restartLater();
  }

  private restartLater(): void {
    // One restart at a time.
    if (!this.wanted || this.restartTimer) return;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (!this.wanted) return;
      this.start(this.fence).catch((error: unknown) => {
        if (error instanceof LeaseLostError) return;
        this.options.logger.error(
          { err: error, consumer: this.options.name },
          'log follower could not restart; trying again',
        );
        this.restartLater();
      });
    }, RESTART_DELAY_MS);
  }
}
