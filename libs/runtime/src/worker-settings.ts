import { ConfigError } from '@opsdesk/platform';

/** How role workers hold, lose and give back their jobs. */
export interface WorkerSettings {
  /** `WORKER_SHUTDOWN_TIMEOUT_MS`: bound on finishing jobs at SIGTERM. */
  shutdownTimeoutMs: number;
  /** `WORKER_LOCK_DURATION_MS`: a job's lock unless renewed (BullMQ's 30 s). */
  lockDurationMs?: number;
  /** `WORKER_STALLED_INTERVAL_MS`: how often lapsed locks are looked for. */
  stalledIntervalMs?: number;
  /** `WORKER_MAX_STALLED_COUNT`: lost locks before a job fails (3). */
  maxStalledCount?: number;
  /**
   * `WORKER_CONCURRENCY`: jobs one role's worker runs at once (64). A job
   * spends most of its time waiting on PostgreSQL and Redis, and jobs
   * running together share group commits, so more of them cost less each:
   * on 2 cores a backlog drained at about 700 actions a second with 16,
   * 950 with 32 and 1,050 with 64 (the benchmark's part 2).
   */
  concurrency: number;
}

export function workerSettings(
  env: NodeJS.ProcessEnv = process.env,
): WorkerSettings {
  return {
    shutdownTimeoutMs:
      optionalInteger('WORKER_SHUTDOWN_TIMEOUT_MS', env) ?? 10_000,
    lockDurationMs: optionalInteger('WORKER_LOCK_DURATION_MS', env),
    stalledIntervalMs: optionalInteger('WORKER_STALLED_INTERVAL_MS', env),
    maxStalledCount: optionalInteger('WORKER_MAX_STALLED_COUNT', env),
    concurrency: Math.max(1, optionalInteger('WORKER_CONCURRENCY', env) ?? 64),
  };
}

export function optionalInteger(
  name: string,
  env: NodeJS.ProcessEnv,
): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new ConfigError(`${name} must be a non-negative integer`);
  }
  return parsed;
}
