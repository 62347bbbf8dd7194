import type {
  EventStore,
  GlobalPosition,
  RecordedEvent,
  Subscription,
} from '@opsdesk/event-store';
import {
  createLogger,
  faultPoint,
  LeaseLostError,
  type Fence,
  type Logger,
} from '@opsdesk/platform';
import type { Pool } from 'pg';
import type { Projection } from '../projection';
import { CheckpointMovedError } from '../read-model.errors';
import { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff';
import { loadCheckpoint, type Checkpoint } from './checkpoint-store';
import { SharedCommits } from './shared-commits';

export type ProjectionRunnerState =
  'stopped' | 'running' | 'retrying' | 'stopping';

export interface ProjectionRunnerStatus {
  name: string;
  state: ProjectionRunnerState;
  /** The last position this runner committed (or loaded at start). */
  position: GlobalPosition | null;
  /** Events handled over the projection's life, replays included. */
  eventsApplied: number;
  /** `recordedAt` of the last event committed. */
  lastEventRecordedAt: string | null;
  /**
   * How long after it was recorded the last event was committed here.
   * TODO(#2): no count of events still behind here: the port offers no
   * head position (the API's `/metrics` counts them from the checkpoints
   * in PostgreSQL: `opsdesk_projection_events_behind`).
   */
  lastApplyDelayMs: number | null;
  consecutiveFailures: number;
  lastError: { code?: string; message: string } | null;
}

export interface ProjectionRunnerOptions {
  projection: Projection;
  store: EventStore;
  pool: Pool;
  logger?: Logger;
  backoff?: Partial<BackoffOptions>;
  /**
   * Events per transaction while catching up through `readAll` at start;
   * 1 turns batching off, for live events too (one per transaction).
   */
  catchUpBatchSize?: number;
  /**
   * Shared by the runners of one process, so that their commits of the
   * same page go in one transaction; by default this runner's own.
   */
  commits?: SharedCommits;
}

/**
 * Keeps one projection up to date: subscribes after its checkpoint and
 * commits each event together with the new checkpoint. After any failure
 * it drops the subscription, waits, and resubscribes from the stored
 * checkpoint, so an event is applied once or, after a crash, again.
 *
 * Several instances of one projection are kept apart by a lease (see
 * ActiveStandby): the active one is started with the lease's fence and
 * checks it in every transaction, so a former holder writes nothing. The
 * checkpoint is still compared and set, which also catches a reset.
 */
export class ProjectionRunner {
  private readonly projection: Projection;
  private readonly store: EventStore;
  private readonly pool: Pool;
  private readonly log: Logger;
  private readonly backoff: BackoffOptions;
  private readonly batchSize: number;
  private readonly commits: SharedCommits;

  private state: ProjectionRunnerState = 'stopped';
  /** Bumped on each (re)subscription and on stop; older callbacks no-op. */
  private generation = 0;
  private committed: GlobalPosition | null = null;
  private eventsApplied = 0;
  private lastEventRecordedAt: string | null = null;
  private lastApplyDelayMs: number | null = null;
  private failures = 0;
  private lastError: ProjectionRunnerStatus['lastError'] = null;
  /** Whether events commit a page per transaction (else one each). */
  private readonly batching: boolean;
  private subscription?: Subscription;
  private subscriptionStopping?: Promise<void>;
  private inFlight?: Promise<void>;
  private retryTimer?: NodeJS.Timeout;
  /** The lease holding this run writes under; none when run alone. */
  private fence?: Fence;

  constructor(options: ProjectionRunnerOptions) {
    this.projection = options.projection;
    this.store = options.store;
    this.pool = options.pool;
    this.backoff = { ...defaultBackoff, ...options.backoff };
    this.batchSize = Math.max(1, Math.floor(options.catchUpBatchSize ?? 100));
    this.batching = this.batchSize > 1;
    this.commits = options.commits ?? new SharedCommits(options.pool);
    this.log = (options.logger ?? createLogger('projector')).child({
      projection: options.projection.name,
    });
  }

  get name(): string {
    return this.projection.name;
  }

  /**
   * Reads the checkpoint (rejecting if the database is not reachable, so
   * a misconfigured process fails at boot), then catches up in the
   * background. Later failures are retried, not thrown. Under a lease,
   * every commit first checks `fence` in its transaction.
   */
  async start(fence?: Fence): Promise<void> {
    // Already running (or still stopping): nothing to do.
    if (this.state !== 'stopped') return;
    this.fence = fence;
    const generation = ++this.generation;
    this.state = 'running';
    this.failures = 0;
    this.lastError = null;
    let checkpoint: Checkpoint;
    try {
      checkpoint = await loadCheckpoint(this.pool, this.projection.name);
    } catch (error) {
      if (generation === this.generation) this.state = 'stopped';
      throw error;
    }
    if (generation !== this.generation) return;
    void this.run(generation, checkpoint);
  }

  /**
   * Stops subscribing; resolves once the event being applied, if any, has
   * committed or rolled back.
   */
  async stop(): Promise<void> {
    if (this.state === 'stopped' || this.state === 'stopping') return;
    this.state = 'stopping';
    this.generation += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const subscription = this.subscription;
    this.subscription = undefined;
    await Promise.allSettled([
      subscription?.stop(),
      this.subscriptionStopping,
      this.inFlight,
    ]);
    this.state = 'stopped';
    this.log.info({ position: this.committed }, 'projection stopped');
  }

  status(): ProjectionRunnerStatus {
    return {
      name: this.projection.name,
      state: this.state,
      position: this.committed,
      eventsApplied: this.eventsApplied,
      lastEventRecordedAt: this.lastEventRecordedAt,
      lastApplyDelayMs: this.lastApplyDelayMs,
      consecutiveFailures: this.failures,
      lastError: this.lastError,
    };
  }

  private async run(generation: number, known?: Checkpoint): Promise<void> {
    try {
      const checkpoint =
        known ?? (await loadCheckpoint(this.pool, this.projection.name));
      if (generation !== this.generation) return;
      this.committed = checkpoint.position;
      this.eventsApplied = checkpoint.eventsApplied;
      this.log.info(
        { position: this.committed, batching: this.batching },
        'projection resuming from checkpoint',
      );

      if (this.batching) await this.catchUp(generation);
      if (generation !== this.generation) return;

      const common = {
        after: this.committed ?? undefined,
        filter: { streamPrefixes: this.projection.streamPrefixes },
        onError: (error: unknown) => this.fail(generation, error),
      };
      this.subscription = this.store.subscribeToAll(
        this.batching
          ? {
              ...common,
              onEvents: (events) => this.onLiveEvents(generation, events),
            }
          : {
              ...common,
              onEvent: (event) => this.onLiveEvents(generation, [event]),
            },
      );
    } catch (error) {
      this.fail(generation, error);
    }
  }

  /** Pages through the backlog, one transaction per page. */
  private async catchUp(generation: number): Promise<void> {
    for (;;) {
      if (generation !== this.generation) return;
      const page = await this.store.readAll({
        after: this.committed ?? undefined,
        maxCount: this.batchSize,
        filter: { streamPrefixes: this.projection.streamPrefixes },
      });
      if (generation !== this.generation) return;
      if (page.length === 0) break;
      await this.track(this.commitPage(page));
      if (page.length < this.batchSize) break;
    }
    this.log.info({ position: this.committed }, 'projection caught up');
  }

  private async onLiveEvents(
    generation: number,
    events: readonly RecordedEvent[],
  ): Promise<void> {
    // A subscription given up on (failure or stop) may still deliver one
    // more page; the next one resubscribes from the stored checkpoint.
    if (generation !== this.generation || this.state !== 'running') return;
    try {
      await this.track(this.commitPage(events));
    } catch (error) {
      this.fail(generation, error);
      throw error;
    }
  }

  private track(work: Promise<void>): Promise<void> {
    this.inFlight = work;
    return work;
  }

  /**
   * Commits a page in one transaction; if that fails, one event at a
   * time, so the events before a bad one are kept and the failure is
   * that event's. A fence or a moved checkpoint fails the page at once.
   */
  private async commitPage(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 1) return this.commit(events);
    try {
      await this.commit(events);
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      if (error instanceof CheckpointMovedError) throw error;
      for (const event of events) await this.commit([event]);
    }
  }

  /**
   * Applies the events and moves the checkpoint in one transaction,
   * which other projections' commits of the same page may share.
   */
  private async commit(events: readonly RecordedEvent[]): Promise<void> {
    const last = events[events.length - 1];
    // With the events in hand, before the transaction: where a paused
    // holder is overtaken by a standby (the fencing test stalls here).
    faultPoint('projector:before-commit');
    const from = this.committed;
    await this.commits.commit({
      page: `${events[0].position}/${last.position}`,
      // First, with the fence, so a former holder writes nothing at all.
      checkpoint: {
        name: this.projection.name,
        expected: from,
        next: last.position,
        count: events.length,
        fence: this.fence,
      },
      write: (client) => this.projection.apply(client, events),
    });

    this.committed = last.position;
    this.eventsApplied += events.length;
    this.lastEventRecordedAt = last.recordedAt;
    this.lastApplyDelayMs = Date.now() - Date.parse(last.recordedAt);
    this.failures = 0;
    this.log.debug(
      { position: last.position, events: events.length },
      'projection applied events',
    );
  }

  private fail(generation: number, error: unknown): void {
    if (generation !== this.generation || this.state !== 'running') return;
    this.generation += 1;
    this.failures += 1;
    this.lastError = describeError(error);
    this.state = 'retrying';

    const subscription = this.subscription;
    this.subscription = undefined;
    // Not awaited: this may run inside the subscription's own callback.
    this.subscriptionStopping = subscription?.stop().catch(() => undefined);

    const delayMs = backoffDelay(this.failures, this.backoff);
    const fields = {
      err: error,
      position: this.committed,
      failures: this.failures,
      delayMs,
    };
    if (error instanceof LeaseLostError) {
      // The lease's owner stops this runner; the retry never fires.
      this.log.warn(fields, 'projection fenced off; standing by');
    } else if (error instanceof CheckpointMovedError) {
      this.log.warn(fields, 'projection checkpoint moved; resubscribing');
    } else {
      this.log.error(fields, 'projection failed; resubscribing');
    }

    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.state !== 'retrying') return;
      this.state = 'running';
      void this.run(this.generation);
    }, delayMs);
  }
}

function describeError(error: unknown): ProjectionRunnerStatus['lastError'] {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string'
      ? { code, message: error.message }
      : { message: error.message };
  }
  return { message: String(error) };
}
