import { redisConnectionOptions } from '@opsdesk/platform';
import { workerSettings } from '@opsdesk/runtime';
import { Queue, Worker } from 'bullmq';
import { BENCH_REDIS_URL } from '../support/bench-redis';
import { nowMs } from '../support/time';

export interface RawDrain {
  jobs: number;
  elapsedMs: number;
  jobsPerSecond: number;
}

const QUEUE = 'bench-raw';

/** A role worker's, as the system under test runs them. */
export const RAW_CONCURRENCY = workerSettings().concurrency;

/**
 * The ceiling the queue sets: BullMQ draining a backlog with a handler
 * that does nothing, on the same Redis, with the job options, payload
 * size and per-queue concurrency opsdesk's command jobs use.
 */
export async function rawBullmqDrain(
  prefix: string,
  jobs: number,
  payload: Record<string, unknown>,
  timeoutMs: number,
): Promise<RawDrain> {
  const connection = redisConnectionOptions(BENCH_REDIS_URL);
  const options = { connection, prefix: `${prefix}:{${QUEUE}}` };
  const queue = new Queue(QUEUE, options);
  try {
    for (let start = 0; start < jobs; start += 1000) {
      const count = Math.min(1000, jobs - start);
      await queue.addBulk(
        Array.from({ length: count }, (_, i) => ({
          name: 'noop',
          data: { ...payload, n: start + i },
          opts: {
            attempts: 5,
            backoff: { type: 'exponential', delay: 200 },
            removeOnComplete: { age: 3600, count: 5000 },
            removeOnFail: false,
          },
        })),
      );
    }
    let done = 0;
    let finishedAt = 0;
    const startedAt = nowMs();
    const worker = new Worker(QUEUE, async () => ({ ok: true }), {
      ...options,
      concurrency: RAW_CONCURRENCY,
    });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      worker.on('completed', () => {
        done += 1;
        if (done === jobs) {
          finishedAt = nowMs();
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await worker.close();
    const elapsedMs = (finishedAt || nowMs()) - startedAt;
    return { jobs: done, elapsedMs, jobsPerSecond: (done / elapsedMs) * 1000 };
  } finally {
    await queue.close();
  }
}
