import {
  MAINTENANCE_QUEUE,
  maintenanceQueuePrefix,
  type ReconcileReport,
} from '@opsdesk/messaging';
import { redisConnectionOptions } from '@opsdesk/platform';
import { QueueEvents } from 'bullmq';

/**
 * Watches the maintenance queue's event stream for the reconciler's runs
 * and what each repaired. Events written just before a Redis restart may
 * be lost with it, so the counts are at least what happened, never more.
 * (The role queues are not watched: their streams carry every job's every
 * step, and reading them would cost the run more than it tells.)
 */
export class RunObserver {
  reconcileRuns = 0;
  reEnqueued = 0;
  private readonly events: QueueEvents[] = [];

  constructor(
    private readonly redisUrl: string,
    private readonly basePrefix: string,
  ) {}

  async start(): Promise<void> {
    const connection = redisConnectionOptions(this.redisUrl);
    const maintenance = new QueueEvents(MAINTENANCE_QUEUE, {
      connection,
      prefix: maintenanceQueuePrefix(this.basePrefix),
    });
    maintenance.on('completed', ({ returnvalue }) => {
      const report = (
        typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue
      ) as ReconcileReport | null;
      this.reconcileRuns += 1;
      this.reEnqueued += report?.reEnqueued ?? 0;
    });
    this.events.push(maintenance);
    for (const e of this.events) e.on('error', () => undefined);
    await Promise.all(this.events.map((e) => e.waitUntilReady()));
  }

  async close(): Promise<void> {
    await Promise.all(this.events.map((e) => e.close()));
  }
}
