import { readFileSync } from 'node:fs';
import { PostgresEventStore } from '@opsdesk/event-store';
import { createLogger, createPool } from '@opsdesk/platform';
import {
  createStationFaultProjections,
  ProjectionRunner,
} from '@opsdesk/read-models';
import { childChannel } from '../support/child';
import { CpuProfiler } from '../support/cpu-profiler';
import {
  installQueryStats,
  startQueryStats,
  stopQueryStats,
} from '../support/query-stats';

export interface RebuildRequest {
  type: 'rebuild';
  url: string;
  schema: string;
  head: string;
  timeLimitMs: number;
  profileFile?: string;
}

export interface RunnerProgress {
  name: string;
  eventsApplied: number;
  caughtUpMs: number | null;
}

/** Peak resident set size of this process (VmHWM), bytes. */
function peakRss(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : process.memoryUsage().rss;
}

const channel = childChannel();
installQueryStats();

/**
 * What a rebuild does, done by the projection runners themselves: every
 * read model from position zero on a fresh checkpoint, until each has
 * reached the log's head (or the time limit).
 */
channel.on('rebuild', async (message) => {
  const request = message as unknown as RebuildRequest;
  const logger = createLogger('bench-rebuild', 'warn');
  const pool = createPool(request.url, request.schema, { max: 8 });
  const store = new PostgresEventStore(pool, { logger });
  const runners = createStationFaultProjections().map(
    (projection) => new ProjectionRunner({ projection, store, pool, logger }),
  );
  const profiler = new CpuProfiler();
  if (request.profileFile) {
    await profiler.start();
    startQueryStats();
  }
  const startedAt = performance.now();
  const caughtUp = new Map<string, number>();
  await Promise.all(runners.map((r) => r.start()));
  while (performance.now() - startedAt < request.timeLimitMs) {
    for (const runner of runners) {
      if (
        !caughtUp.has(runner.name) &&
        runner.status().position === request.head
      ) {
        caughtUp.set(runner.name, performance.now() - startedAt);
      }
    }
    if (caughtUp.size === runners.length) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const elapsedMs = performance.now() - startedAt;
  const progress: RunnerProgress[] = runners.map((r) => ({
    name: r.name,
    eventsApplied: r.status().eventsApplied,
    caughtUpMs: caughtUp.get(r.name) ?? null,
  }));
  await Promise.all(runners.map((r) => r.stop()));
  let statements;
  if (request.profileFile) {
    await profiler.stop(request.profileFile);
    statements = stopQueryStats();
  }
  await store.close();
  await pool.end();
  channel.send({
    type: 'rebuilt',
    elapsedMs,
    complete: caughtUp.size === runners.length,
    progress,
    peakRssBytes: peakRss(),
    statements,
  });
});

channel.on('stop', async () => process.exit(0));
channel.send({ type: 'ready' });
