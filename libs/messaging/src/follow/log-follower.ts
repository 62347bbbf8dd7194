import type {
  EventStore,
  RecordedEvent,
  Subscription,
} from '@opsdesk/event-store';
import { LeaseLostError, type Fence, type Logger } from '@opsdesk/platform';
import type { CheckpointStore } from '../process-manager/checkpoint-store';
import { PacedCheckpoint } from './paced-checkpoint';

const RESTART_DELAY_MS = 1000;

export interface LogFollowerOptions {
  /** Also the checkpoint's key. */
  name: string;
  store: EventStore;
  checkpoints: CheckpointStore;
  streamPrefixes: readonly string[];
  logger: Logger;
  /**
   * Awaited one event at a time; the checkpoint moves after the pages
   * the log gives, at most every so often (PacedCheckpoint), so a crash
   * replays the events handled since.
   */
  handle(event: RecordedEvent): Promise<void>;
}

/**
 * A checkpointed consumer of the stored log, the way the process manager
 * follows it: a crash between a handler's effect and its checkpoint
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

  constructor(private readonly options: LogFollowerOptions) {
    this.checkpoint = new PacedCheckpoint({
      save: (position) =>
        options.checkpoints.save(options.name, position, this.fence),
      onError: (error) => this.failed(error),
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
    await this.starting?.catch(() => undefined);
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
    this.checkpoint.discard();
    const after = await checkpoints.load(name);
    logger.info({ consumer: name, after }, 'log follower started');
    this.subscription = store.subscribeToAll({
      after,
      filter: { streamPrefixes },
      onEvents: async (events) => {
        for (const event of events) await this.options.handle(event);
        await this.checkpoint.passed(events[events.length - 1].position);
      },
      onError: (error) => this.restartAfter(error),
    });
  }

  /** A save the checkpoint's timer made failed: as if a page had. */
  private failed(error: unknown): void {
    const subscription = this.subscription;
    if (!subscription) return;
    void subscription.stop().catch(() => undefined);
    this.restartAfter(error);
  }

  private restartAfter(error: unknown): void {
    if (error instanceof LeaseLostError) {
      // Fenced off: the lease's owner stops it and has said so.
      this.subscription = undefined;
      this.starting = undefined;
      return;
    }
    this.options.logger.error(
      { err: error, consumer: this.options.name },
      'log follower stopped; restarting from its checkpoint',
    );
    this.subscription = undefined;
    this.starting = undefined;
    if (!this.wanted) return;
    this.restartTimer = setTimeout(() => {
      if (!this.wanted) return;
      this.start(this.fence).catch((e: unknown) => this.restartAfter(e));
    }, RESTART_DELAY_MS);
  }
}
