import type { Logger } from '@opsdesk/platform';
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { logQueueErrors } from '../queues/queue-errors';
import { timerJobId, type TimerJob } from './timer-job';

/** The queue every timer waits on, with a hash tag of its own. */
export const TIMER_QUEUE = 'timers';

export function timerQueuePrefix(basePrefix: string): string {
  return `${basePrefix}:{${TIMER_QUEUE}}`;
}

const TIMER_JOB: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
  // Kept a day so that a replayed schedule within it adds nothing; the
  // log (the firing's command id) is what makes a late duplicate harmless.
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: false,
};

export type TimerJobState =
  'waiting' | 'delayed' | 'active' | 'completed' | 'failed' | 'missing';

/**
 * Delayed BullMQ jobs, one per timer, with deterministic ids. Delays are
 * computed from the caller's clock; the firing decides by the clock too.
 */
export class TimerQueue {
  readonly queue: Queue<TimerJob>;

  constructor(
    connection: ConnectionOptions,
    basePrefix: string,
    logger: Logger,
  ) {
    this.queue = new Queue<TimerJob>(TIMER_QUEUE, {
      connection,
      prefix: timerQueuePrefix(basePrefix),
    });
    logQueueErrors(this.queue, logger);
  }

  /** Adds the timer unless Redis already holds a job with its id. */
  async schedule(job: TimerJob, now: Date): Promise<string> {
    const [jobId] = await this.scheduleAll([job], now);
    return jobId;
  }

  /**
   * Adds a step's timers together (one round trip, all or none); a timer
   * whose id Redis already holds is not added again.
   */
  async scheduleAll(jobs: readonly TimerJob[], now: Date): Promise<string[]> {
    const entries = jobs.map((job) => ({
      name: job.level,
      data: job,
      opts: {
        ...TIMER_JOB,
        jobId: timerJobId(job),
        delay: Math.max(0, Date.parse(job.dueAt) - now.getTime()),
      },
    }));
    await this.queue.addBulk(entries);
    return entries.map((entry) => entry.opts.jobId);
  }

  /**
   * Drops timers that can no longer matter (their step ended). Best
   * effort: one running now cannot be removed, and finds its step ended.
   */
  async remove(jobIds: readonly string[]): Promise<void> {
    await Promise.allSettled(jobIds.map((id) => this.queue.remove(id)));
  }

  async stateOf(jobId: string): Promise<TimerJobState> {
    const state = await this.queue.getJobState(jobId);
    switch (state) {
      case 'waiting':
      case 'waiting-children':
      case 'prioritized':
        return 'waiting';
      case 'delayed':
      case 'active':
      case 'completed':
      case 'failed':
        return state;
      default:
        return 'missing';
    }
  }

  /**
   * Moves every delayed timer already due by `now` to the front. Delays
   * are relative to the clock that scheduled them; after a clock jump (or
   * on a test's stepped clock) this lets due timers run now.
   */
  async promoteDue(now: Date): Promise<number> {
    const delayed = await this.queue.getDelayed();
    const due = delayed
      .filter((job) => Date.parse(job.data.dueAt) <= now.getTime())
      .sort((a, b) => a.data.dueAt.localeCompare(b.data.dueAt));
    // In order, one by one: the queue hands them out as they were promoted.
    for (const job of due) await job.promote();
    return due.length;
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
