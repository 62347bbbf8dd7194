import { processMetrics } from '@opsdesk/platform';
import type { Job, Worker } from 'bullmq';
import { Counter, Histogram } from 'prom-client';

/** Seconds; a job runs in milliseconds, one that waits on a lock for seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * What the role workers of this process finished, for `/metrics`:
 *
 * - `opsdesk_jobs_finished_total{queue, outcome}`: `completed`; `retrying`
 *   (an attempt failed, BullMQ runs it again after its backoff); `failed`
 *   (for good: a rejected command, or a job out of attempts, now a dead
 *   letter);
 * - `opsdesk_job_run_seconds{queue}`: how long each completed job ran.
 *
 * One set per process (in its process registry), shared by its workers.
 */
export class JobMetrics {
  private static shared?: JobMetrics;

  static forProcess(): JobMetrics {
    return (JobMetrics.shared ??= new JobMetrics());
  }

  private readonly finished = new Counter({
    name: 'opsdesk_jobs_finished_total',
    help: 'Jobs the role workers finished, by queue and outcome (completed, retrying, failed)',
    labelNames: ['queue', 'outcome'],
    registers: [processMetrics()],
  });

  private readonly run = new Histogram({
    name: 'opsdesk_job_run_seconds',
    help: 'Seconds a completed job ran, by queue',
    labelNames: ['queue'],
    buckets: BUCKETS,
    registers: [processMetrics()],
  });

  private constructor() {}

  /** Counts what `worker`, the worker of `queue`, finishes from now on. */
  watch(worker: Worker, queue: string): void {
    worker.on('completed', (job) => this.completed(queue, job));
    // BullMQ sets finishedOn only on a job it moved to failed for good;
    // without a job, one that stalled too often, failed for good too.
    worker.on('failed', (job) => {
      const forGood = !job || typeof job.finishedOn === 'number';
      this.finished.inc({ queue, outcome: forGood ? 'failed' : 'retrying' });
    });
  }

  private completed(queue: string, job: Job): void {
    this.finished.inc({ queue, outcome: 'completed' });
    if (job.processedOn !== undefined && job.finishedOn !== undefined) {
      this.run.observe({ queue }, (job.finishedOn - job.processedOn) / 1000);
    }
  }
}
