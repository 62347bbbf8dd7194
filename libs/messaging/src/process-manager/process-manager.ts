import type {
  EventStore,
  RecordedEvent,
  Subscription,
} from '@opsdesk/event-store';
import {
  faultPoint,
  LeaseLostError,
  type Fence,
  type Logger,
} from '@opsdesk/platform';
import type { ProcessCatalog } from '../commands/process-catalog';
import type { HandoffJob } from '../queues/jobs';
import type { RoleQueueSet } from '../queues/role-queue-set';
import { PacedCheckpoint } from '../follow/paced-checkpoint';
import type { CheckpointStore } from './checkpoint-store';
import { handoffFor } from './handoff-for';
import { StreamStateCache } from './stream-state-cache';

const RESTART_DELAY_MS = 1000;

/**
 * Follows the stored log and turns every change of custody into a job on
 * the new holder's queue. It is driven by the log, not by an in-memory
 * bus, so a crash between an append and its hand-off loses nothing: the
 * checkpoint is saved only after the job is on the queue, and a replayed
 * event produces the same job id. The checkpoint moves at most every so
 * often under load (PacedCheckpoint): a crash replays the events since,
 * and their jobs are the ones already on the queues.
 *
 * Under a lease (ActiveStandby) only the holder runs, and its checkpoint
 * writes check the fence. A former holder that wakes up after a takeover
 * may still put the job of the event in its hands on the queue: that is
 * the same job id the new holder produces, so it changes nothing.
 */
export class ProcessManager {
  private subscription?: Subscription;
  private restartTimer?: NodeJS.Timeout;
  private stopped = true;
  private readonly cache: StreamStateCache;
  private fence?: Fence;
  private readonly checkpoint: PacedCheckpoint;
  /** The running subscription's token; callbacks of older ones no-op. */
  private current?: object;

  constructor(
    private readonly store: EventStore,
    private readonly processes: ProcessCatalog,
    private readonly queues: RoleQueueSet,
    private readonly checkpoints: CheckpointStore,
    private readonly logger: Logger,
    private readonly name = 'process-manager',
  ) {
    this.cache = new StreamStateCache(store);
    this.checkpoint = new PacedCheckpoint({
      save: (position) => checkpoints.save(name, position, this.fence),
      onError: (error) => this.lost(this.current, error),
    });
  }

  async start(fence?: Fence): Promise<void> {
    this.stopped = false;
    this.fence = fence;
    // A save still on its way lands before the load, so the checkpoint
    // never moves back behind where this subscription starts.
    await this.checkpoint.discard();
    const after = await this.checkpoints.load(this.name);
    this.logger.info({ consumer: this.name, after }, 'process manager started');
    const token = {};
    this.current = token;
    this.subscription = this.store.subscribeToAll({
      after,
      filter: { streamPrefixes: this.processes.streamPrefixes() },
      onEvents: (events) => this.handle(token, events),
      onError: (error) => this.lost(token, error),
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    this.current = undefined;
    await this.subscription?.stop();
    // What it handled last is not replayed by the next start.
    await this.checkpoint.flush().catch((error: unknown) => {
      this.logger.warn(
        { err: error, consumer: this.name },
        'process manager stopped without saving its last position',
      );
    });
  }

  /**
   * A page of events: their hand-offs go on the queues together, then
   * the checkpoint moves past the page once.
   */
  private async handle(
    token: object,
    events: readonly RecordedEvent[],
  ): Promise<void> {
    // A page of a subscription given up on is left to the next one,
    // which starts from the stored checkpoint.
    if (this.current !== token) return;
    const jobs: HandoffJob[] = [];
    for (const event of events) {
      const process = this.processes.ofStream(event.streamName);
      if (!process) continue;
      const { before, after } = await this.cache.around(process, event);
      const job = handoffFor(process, event, before, after);
      if (job) jobs.push(job);
    }
    if (jobs.length > 0) {
      faultPoint('process-manager:before-enqueue');
      await this.queues.addHandoffs(jobs);
    }
    faultPoint('process-manager:before-checkpoint');
    if (this.current !== token) return;
    await this.checkpoint.passed(events[events.length - 1].position);
  }

  /** The subscription of `token` failed: a page, or a timed save. */
  private lost(token: object | undefined, error: unknown): void {
    // News from a subscription already given up on changes nothing.
    if (token === undefined || this.current !== token) return;
    this.current = undefined;
    void this.subscription?.stop().catch(() => undefined);
    this.subscription = undefined;
    this.restartAfter(error);
  }

  private restartAfter(error: unknown) {
    // Fenced off: the lease's owner is stopping it, and has said so.
    if (error instanceof LeaseLostError) return;
    this.logger.error(
      { err: error, consumer: this.name },
      'process manager stopped',
    );
    // One restart at a time: a page and a timed save may both fail.
    if (this.stopped || this.restartTimer) return;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.start(this.fence).catch((e: unknown) => this.restartAfter(e));
    }, RESTART_DELAY_MS);
  }
}
