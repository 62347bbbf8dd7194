import { DeadlineNotDueError, DomainError } from '@opsdesk/domain';
import { LogFields, type Clock, type Logger } from '@opsdesk/platform';
import { DelayedError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { FiringResult, TimerFiring } from './timer-firing';
import { TIMER_QUEUE, timerQueuePrefix } from './timer-queue';
import type { TimerJob } from './timer-job';

export type TimerJobResult = FiringResult | 'refused';

/**
 * Runs the timers when BullMQ releases them. The decision is the clock's,
 * not the queue's: a timer released early (another machine's clock, a
 * promoted job) waits again for the rest of its delay.
 */
export class TimerWorker {
  private worker?: Worker<TimerJob, TimerJobResult>;

  constructor(
    private readonly options: {
      connection: ConnectionOptions;
      basePrefix: string;
      firing: TimerFiring;
      clock: Clock;
      logger: Logger;
      concurrency?: number;
    },
  ) {}

  /** Starts once; a second call while running does nothing. */
  start(): void {
    if (this.worker) return;
    const { connection, basePrefix, logger } = this.options;
    this.worker = new Worker<TimerJob, TimerJobResult>(
      TIMER_QUEUE,
      (job, token) => this.process(job, token),
      {
        connection,
        prefix: timerQueuePrefix(basePrefix),
        // One at a time, in the order they fall due: a ticket's warning is
        // recorded before its breach even when both are due at once.
        concurrency: this.options.concurrency ?? 1,
      },
    );
    this.worker.on('error', (err) =>
      logger.error({ err, queue: TIMER_QUEUE }, 'timer worker error'),
    );
  }

  async close(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }

  private async process(
    job: Job<TimerJob, TimerJobResult>,
    token: string | undefined,
  ): Promise<TimerJobResult> {
    const timer = job.data;
    const log = this.options.logger.child({
      [LogFields.queue]: TIMER_QUEUE,
      [LogFields.jobId]: job.id,
      [LogFields.ticketId]: timer.ticketId,
      [LogFields.correlationId]: timer.correlationId,
    });
    const early = Date.parse(timer.dueAt) - this.options.clock.now().getTime();
    if (early > 0 && token) {
      await job.moveToDelayed(Date.now() + early, token);
      throw new DelayedError();
    }
    try {
      const result = await this.options.firing.fire(timer);
      if (result === 'recorded') {
        const message =
          timer.level === 'breach' ? 'deadline breached' : 'deadline warning';
        log.info(
          { step: timer.step, level: timer.level, dueAt: timer.dueAt },
          message,
        );
      }
      return result;
    } catch (error) {
      if (error instanceof DeadlineNotDueError && token) {
        // Decided by a clock that is still behind: wait for it.
        const wait = Date.parse(timer.dueAt) - Date.parse(error.now);
        await job.moveToDelayed(Date.now() + Math.max(wait, 1000), token);
        throw new DelayedError();
      }
      if (!(error instanceof DomainError)) throw error;
      // Retrying cannot help a refusal; the log is as it should be.
      log.warn({ code: error.code, step: timer.step }, 'timer refused');
      return 'refused';
    }
  }
}
