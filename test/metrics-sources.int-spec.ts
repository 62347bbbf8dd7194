import { RoleQueueSet } from '@opsdesk/messaging';
import { createLogger } from '@opsdesk/platform';
import { Registry } from 'prom-client';
import { MetricSources } from '../apps/api/src/metrics/metric-sources';
import { queueJobMetrics } from '../apps/api/src/metrics/queue-jobs.metric';
import { closedPort } from './support/closed-port';
import { sampleOf, samplesOf } from './support/prometheus-text';

/**
 * BullMQ's connections wait for Redis to come back rather than fail: a
 * scrape must not wait with them.
 */
describe('a metrics source that does not answer', () => {
  it('is left out of the scrape, which still answers and counts the failure', async () => {
    const queues = new RoleQueueSet(
      {
        host: '127.0.0.1',
        port: await closedPort(),
        maxRetriesPerRequest: null,
      },
      'metrics-sources',
      createLogger('test', 'silent'),
    );
    const registry = new Registry();
    queueJobMetrics(
      registry,
      queues,
      new MetricSources(registry, createLogger('test', 'silent')),
    );
    try {
      const text = await registry.metrics();

      expect(samplesOf(text, 'opsdesk_queue_jobs')).toEqual([]);
      expect(
        sampleOf(text, 'opsdesk_metrics_collect_failures_total', {
          source: 'redis',
        }),
      ).toBe(1);
      expect(
        sampleOf(text, 'opsdesk_metrics_collect_failures_total', {
          source: 'postgres',
        }),
      ).toBe(0);
    } finally {
      await queues.close();
    }
  });
});
