import { WORKER_ROLES, type RoleQueueSet } from '@opsdesk/messaging';
import { Gauge, type Registry } from 'prom-client';
import type { MetricSources } from './metric-sources';

/** BullMQ's names. Retries wait in `delayed`; `failed` jobs stay until replayed. */
const STATES = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'failed',
] as const;

/**
 * `opsdesk_queue_jobs{queue, state}`: what each role's queue holds, read
 * from Redis at every scrape. A `waiting` count that keeps growing is a
 * role whose workers do not keep up; `failed` holds rejected commands and
 * dead letters (see the queue board).
 */
export function queueJobMetrics(
  registry: Registry,
  queues: RoleQueueSet,
  sources: MetricSources,
): void {
  new Gauge({
    name: 'opsdesk_queue_jobs',
    help: 'Jobs in each role’s queue, by state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      const counts = await sources.read('redis', () =>
        Promise.all(
          WORKER_ROLES.map((role) =>
            queues.queue(role).getJobCounts(...STATES),
          ),
        ),
      );
      this.reset();
      if (!counts) return;
      WORKER_ROLES.forEach((role, index) => {
        for (const state of STATES) {
          this.set({ queue: role, state }, counts[index][state] ?? 0);
        }
      });
    },
  });
}
