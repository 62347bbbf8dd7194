import { Inject, Injectable } from '@nestjs/common';
import type { RoleQueueSet } from '@opsdesk/messaging';
import {
  processMetrics,
  type Logger,
  type OpsdeskConfig,
} from '@opsdesk/platform';
import {
  CONFIG,
  liveProjectionStreams,
  LOGGER,
  PG_POOL,
  ROLE_QUEUES,
} from '@opsdesk/runtime';
import type { Pool } from 'pg';
import { Registry } from 'prom-client';
import { MetricSources } from './metric-sources';
import { httpRequestMetrics } from './http-requests.metric';
import { logAndCheckpointMetrics } from './log-and-checkpoints.metric';
import { queueJobMetrics } from './queue-jobs.metric';

export interface MetricsText {
  contentType: string;
  text: string;
}

/**
 * What `/metrics` shows, in Prometheus's text format: this process's own
 * figures, its HTTP answers, the role queues and how far the log's
 * consumers have come. Counts and ages only: no ticket, person or text.
 */
@Injectable()
export class ApiMetrics {
  private readonly registry = new Registry();
  /** Times and counts every HTTP answer (see createApiApp). */
  readonly httpMiddleware: ReturnType<typeof httpRequestMetrics>;
  private rendering?: Promise<MetricsText>;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(ROLE_QUEUES) queues: RoleQueueSet,
    @Inject(CONFIG) config: OpsdeskConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    const sources = new MetricSources(
      this.registry,
      logger.child({ component: 'metrics' }),
    );
    this.httpMiddleware = httpRequestMetrics(this.registry);
    queueJobMetrics(this.registry, queues, sources);
    logAndCheckpointMetrics(
      this.registry,
      pool,
      {
        logInPostgres: config.eventStore === 'postgres',
        projections: liveProjectionStreams(),
      },
      sources,
    );
  }

  /** Scrapes that arrive together share one reading of every source. */
  render(): Promise<MetricsText> {
    return (this.rendering ??= this.read().finally(() => {
      this.rendering = undefined;
    }));
  }

  private async read(): Promise<MetricsText> {
    const all = Registry.merge([processMetrics(), this.registry]);
    return { contentType: all.contentType, text: await all.metrics() };
  }
}
