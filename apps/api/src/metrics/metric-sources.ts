import type { Logger } from '@opsdesk/platform';
import { Counter, type Registry } from 'prom-client';

/** A scrape waits this long for a source before it leaves its figures out. */
export const COLLECT_BOUND_MS = 2_000;

export type MetricsSource = 'redis' | 'postgres';

/**
 * Reads figures from Redis or PostgreSQL for a scrape without letting a
 * source that is down hold the scrape up: BullMQ's connections wait for
 * Redis to come back rather than fail. A read that fails or outlasts the
 * bound leaves its families empty for that scrape and is counted, so a
 * scrape still answers with everything else. The families a scrape reads
 * from one source share one bounded read, counted once if it fails. A
 * source has one read in flight at most: a scrape that comes while an earlier read still waits
 * (past its bound) waits on that one rather than start another, so a
 * stalled PostgreSQL costs the pool one connection, not one a scrape.
 */
export class MetricSources {
  private readonly failures: Counter<'source'>;
  /**
   * Each source's bounded read while it lasts: every family a scrape
   * collects from one source shares it, and it fails (and counts) once.
   */
  private readonly attempts = new Map<MetricsSource, Promise<unknown>>();
  /** Each source's read until it settles, bound or no bound. */
  private readonly inFlight = new Map<MetricsSource, Promise<unknown>>();

  constructor(
    registry: Registry,
    private readonly logger: Logger,
  ) {
    const attempts = this.attempts;
    this.failures = new Counter({
      name: 'opsdesk_metrics_collect_failures_total',
      help: 'Scrapes that left out a source’s figures: it failed or did not answer in time',
      labelNames: ['source'],
      registers: [registry],
      // A scrape collects every family at once; this count waits for the
      // reads the others start (in the same turn), so a failure shows in
      // the scrape it left incomplete, not only in the next one.
      async collect() {
        await new Promise((resolve) => setImmediate(resolve));
        await Promise.allSettled([...attempts.values()]);
      },
    });
    // Both series exist from the start, so an alert sees them go up.
    for (const source of ['redis', 'postgres'] as const) {
      this.failures.inc({ source }, 0);
    }
  }

  /** What `read` returns, or null when it fails or does not answer in time. */
  read<T>(source: MetricsSource, read: () => Promise<T>): Promise<T | null> {
    const pending = this.attempts.get(source) as Promise<T | null> | undefined;
    if (pending) return pending;
    const attempt = this.readWithinBound(source, read).finally(() =>
      this.attempts.delete(source),
    );
    this.attempts.set(source, attempt);
    return attempt;
  }

  private async readWithinBound<T>(
    source: MetricsSource,
    read: () => Promise<T>,
  ): Promise<T | null> {
    let bound: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, fail) => {
      bound = setTimeout(
        () => fail(new Error(`no answer within ${COLLECT_BOUND_MS} ms`)),
        COLLECT_BOUND_MS,
      );
    });
    try {
      return await Promise.race([this.readOnce(source, read), late]);
    } catch (error) {
      this.failures.inc({ source });
      this.logger.warn({ source, err: error }, 'metrics left out a source');
      return null;
    } finally {
      clearTimeout(bound);
    }
  }

  private readOnce<T>(source: MetricsSource, read: () => Promise<T>) {
    const pending = this.inFlight.get(source) as Promise<T> | undefined;
    if (pending) return pending;
    const started = read().finally(() => this.inFlight.delete(source));
    this.inFlight.set(source, started);
    return started;
  }
}
