import {
  bullConnection,
  createRedisClient,
  type Logger,
  type RedisSettings,
} from '@opsdesk/platform';
import { Queue, Worker } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import { logQueueErrors } from '../queues/queue-errors';
import type { ReconcileReport } from './reconcile-report';
import type { Reconciler } from './reconciler';

/** The queue of housekeeping jobs; not a role's queue. */
export const MAINTENANCE_QUEUE = 'maintenance';

/** Its BullMQ prefix, with a hash tag of its own as the role queues have. */
export function maintenanceQueuePrefix(basePrefix: string): string {
  return `${basePrefix}:{${MAINTENANCE_QUEUE}}`;
}

export interface ReconcileScheduleOptions {
  redis: RedisSettings;
  basePrefix: string;
  /** How often the scheduled run comes round. */
  everyMs: number;
}

const KEEP = { removeOnComplete: 20, removeOnFail: 50 };
const RUN_NOW = 'reconcile-now';
const RUN_NOW_THROTTLE_MS = 10_000;

/**
 * Runs the reconciler on a BullMQ job scheduler and whenever this process
 * (re)connects to Redis: at start, and after a Redis restart that may have
 * lost jobs, the scheduler's own key among them, which is why it is set
 * again on every connect. Every process that hosts it takes part; each
 * run is one job, so one of them does it. A run asked for while another
 * is still queued is the same job (deduplicated).
 */
export class ReconcileSchedule {
  private redis?: Redis | Cluster;
  private queue?: Queue<Record<string, never>, ReconcileReport>;
  private worker?: Worker<Record<string, never>, ReconcileReport>;

  constructor(
    private readonly reconciler: Reconciler,
    private readonly options: ReconcileScheduleOptions,
    private readonly logger: Logger,
  ) {}

  start(): void {
    const prefix = maintenanceQueuePrefix(this.options.basePrefix);
    this.redis = createRedisClient(this.options.redis);
    this.redis.on('error', () => undefined);
    this.queue = new Queue(MAINTENANCE_QUEUE, {
      connection: this.redis,
      prefix,
    });
    logQueueErrors(this.queue, this.logger);
    this.worker = new Worker(MAINTENANCE_QUEUE, () => this.reconciler.run(), {
      connection: bullConnection(this.options.redis),
      prefix,
      concurrency: 1,
    });
    this.worker.on('error', (err) =>
      this.logger.error({ err, queue: MAINTENANCE_QUEUE }, 'reconciler error'),
    );
    this.worker.on('failed', (job, err) =>
      this.logger.error(
        { err, queue: MAINTENANCE_QUEUE, jobId: job?.id },
        'reconciler run failed',
      ),
    );
    // 'ready' comes on the first connect and after every reconnect.
    this.redis.on('ready', () => {
      this.arm().catch((err: unknown) =>
        this.logger.warn({ err }, 'could not schedule the reconciler'),
      );
    });
  }

  /**
   * Asks for a run as soon as a worker of the maintenance queue is free.
   * Requests within `RUN_NOW_THROTTLE_MS` of one another are one run: a
   * fleet restarting together (or a supervisor restarting one process
   * after another) need not read the log once per process. An emptied
   * Redis has no throttle key left, so its first reconnect always runs.
   */
  async runSoon(): Promise<void> {
    await this.queue?.add(
      RUN_NOW,
      {},
      {
        ...KEEP,
        attempts: 3,
        deduplication: { id: RUN_NOW, ttl: RUN_NOW_THROTTLE_MS },
      },
    );
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
    this.redis?.disconnect();
  }

  private async arm(): Promise<void> {
    await this.queue?.upsertJobScheduler(
      'reconcile',
      { every: this.options.everyMs },
      { name: 'reconcile', opts: KEEP },
    );
    await this.runSoon();
  }
}
