import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import { faultPoint, type Fence, type Logger } from '@opsdesk/platform';
import type { ProcessCatalog } from '../commands/process-catalog';
import type { LogFeed, StreamHistories } from '../commands/stream-histories';
import { LogFollower } from '../follow/log-follower';
import type { HandoffJob } from '../queues/jobs';
import type { RoleQueueSet } from '../queues/role-queue-set';
import type { CheckpointStore } from './checkpoint-store';
import { handoffFor } from './handoff-for';
import { StreamStateCache } from './stream-state-cache';

/**
 * Follows the stored log and turns every change of custody into a job on
 * the new holder's queue. It is driven by the log, not by an in-memory
 * bus, so a crash between an append and its hand-off loses nothing: the
 * checkpoint is saved only after the job is on the queue, and a replayed
 * event produces the same job id. The checkpoint moves at most every so
 * often under load (a LogFollower's pacing): a crash replays the events
 * since, and their jobs are the ones already on the queues.
 *
 * Under a lease (ActiveStandby) only the holder runs, and its checkpoint
 * writes check the fence. A former holder that wakes up after a takeover
 * may still put the job of the event in its hands on the queue: that is
 * the same job id the new holder produces, so it changes nothing.
 */
export class ProcessManager {
  private readonly cache: StreamStateCache;
  private readonly follower: LogFollower;
  private readonly histories?: StreamHistories;

  private feed?: LogFeed;

  constructor(
    store: EventStore,
    private readonly processes: ProcessCatalog,
    private readonly queues: RoleQueueSet,
    checkpoints: CheckpointStore,
    logger: Logger,
    options: {
      name?: string;
      /**
       * The workers' histories in this process, kept current from the
       * pages it follows so that commands need not read their stream.
       */
      feeds?: StreamHistories;
    } = {},
  ) {
    const { name = 'process-manager' } = options;
    this.histories = options.feeds;
    this.cache = new StreamStateCache(store);
    this.follower = new LogFollower({
      name,
      store,
      checkpoints,
      streamPrefixes: processes.streamPrefixes(),
      logger,
      handlePage: (events) => this.handle(events),
    });
  }

  start(fence?: Fence): Promise<void> {
    this.feed ??= this.histories?.openFeed();
    return this.follower.start(fence);
  }

  stop(): Promise<void> {
    this.feed?.close();
    this.feed = undefined;
    return this.follower.stop();
  }

  /**
   * A page of events: their hand-offs go on the queues together, then
   * the checkpoint moves past the page once.
   */
  private async handle(events: readonly RecordedEvent[]): Promise<void> {
    // Before the hand-offs go out: the worker that takes one then finds
    // the event that made it in the history it holds.
    this.feed?.offer(events);
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
    // The follower moves the checkpoint once this resolves.
    faultPoint('process-manager:before-checkpoint');
  }
}
