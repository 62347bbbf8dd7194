import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchOptions } from '../options';
import {
  BENCH_DATABASE,
  BENCH_DATABASE_URL,
  type BenchSchema,
} from '../support/bench-database';
import {
  benchQueuePrefix,
  BENCH_REDIS_URL,
  deleteKeys,
} from '../support/bench-redis';
import { BenchChild } from '../support/child';
import { freePort } from '../support/free-port';
import {
  summarizeCpuProfile,
  type CpuProfileSummary,
} from '../support/cpu-profile-summary';
import { CpuWindow } from '../support/process-cpu';
import type { StatementStat } from '../support/query-stats';
import { figure, type Figure } from '../support/stats';
import { PROFILE_DIR } from '../end-to-end/profiled-drain';
import { benchSigningKey, benchToken } from './bench-token';
import type { LoadRequest } from './load.child';
import type { PacedLoadRequest } from './paced-load';
import {
  datasetOf,
  pathsFor,
  REPORT,
  reportDays,
  reportEndpoints,
  reportPaths,
} from './query-paths';

const SYSTEM = join(__dirname, '..', 'end-to-end', 'system.child.js');
const LOAD = join(__dirname, 'load.child.js');

/**
 * How the requests are offered: `paced`, one every 1 ÷ rate seconds,
 * open-loop, latency from the moment each was due (the issue's figure);
 * `autocannon`, autocannon 8's `overallRate`, which lets each connection
 * send its share of a second's requests back to back as the second
 * starts, so the rate arrives as one burst a second (a stress figure).
 */
export type QueryOffer = 'paced' | 'autocannon';
export const QUERY_OFFERS: readonly QueryOffer[] = ['paced', 'autocannon'];

export interface QueryRun {
  p50: number;
  p99: number;
  max: number;
  requests: number;
  achievedRate: number;
  errors: number;
  /** Failed requests by error code; autocannon does not say. */
  errorCodes?: Record<string, number>;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** CPU milliseconds per request (from /proc, no profiler running). */
  cpuApiMs: number;
  cpuPostgresMs: number;
}

export interface QueryFigures {
  query: string;
  offer: QueryOffer;
  example: string;
  p50: Figure;
  p99: Figure;
  max: Figure;
  achievedRate: Figure;
  /** CPU per request in the API process and the database's backends. */
  cpuApiMs: Figure;
  cpuPostgresMs: Figure;
  errors: number;
  /** Failed requests by error code over every run, where known. */
  errorCodes: Record<string, number>;
  non2xx: number;
  /** Answers by HTTP status over every run. */
  statusCodes: Record<string, number>;
  runs: QueryRun[];
}

export interface QueriesResult {
  rate: number;
  connections: number;
  dataset: Record<string, number>;
  /** Paths of the API that look like reports (issue #5), if any. */
  reportEndpoints: string[];
  reportNote: string;
  /** Whether requests carried a bearer token (the API asks for one). */
  authenticated: boolean;
  /** The answer to one request of each kind before the load, as a check. */
  probes: Record<string, { status: number; body?: string }>;
  queries: QueryFigures[];
  /** One more paced ticket-view run with the API's CPU profiled, SQL timed. */
  profile?: {
    requests: number;
    cpuProfile: CpuProfileSummary;
    statements: (StatementStat & { perRequest: number })[];
  };
}

/**
 * Part 5: the API alone in one process (no workers), the load generator
 * in another, over read models rebuilt from the part-4 log.
 */
export async function runQueriesPart(
  options: BenchOptions,
  schema: BenchSchema,
  log: (line: string) => void,
): Promise<QueriesResult> {
  const o = options.queries;
  const port = await freePort();
  // The API opens its queues (and their event streams) even when idle.
  const prefix = benchQueuePrefix('queries');
  const key = benchSigningKey();
  const token = benchToken(key);
  const api = new BenchChild(SYSTEM, {
    name: 'queries-api',
    env: {
      DATABASE_URL: BENCH_DATABASE_URL,
      DATABASE_SCHEMA: schema.schema,
      REDIS_URL: BENCH_REDIS_URL,
      QUEUE_PREFIX: prefix,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      AUTH_SIGNING_KEY: key,
      // The load is one client at 200 requests/s: keep the limiter (it
      // still runs on every request) from answering 429.
      RATE_LIMIT_PER_MINUTE: String(10 ** 9),
    },
  });
  const load = new BenchChild(LOAD, { name: 'queries-load' });
  try {
    await api.next('ready', 120_000);
    await load.next('ready', 30_000);
    const baseUrl = `http://127.0.0.1:${port}`;
    const headers: Record<string, string> = token
      ? { authorization: `Bearer ${token}` }
      : {};
    const paths = await pathsFor(schema);
    const found = await reportEndpoints(baseUrl);
    const hasReport = found.includes(REPORT);
    const kinds: { query: string; paths: string[] }[] = [
      { query: 'ticket view', paths: paths.ticketView },
      { query: 'inbox', paths: paths.inbox },
      hasReport
        ? {
            query: 'report (a region’s week, /reports/summary)',
            paths: reportPaths(await reportDays(schema)),
          }
        : {
            query: 'report (ticket list by status and region)',
            paths: paths.report,
          },
    ];
    const probes: QueriesResult['probes'] = {};
    for (const kind of kinds) {
      const response = await fetch(`${baseUrl}${kind.paths[0]}`, { headers });
      const body = await response.text();
      probes[kind.query] = response.ok
        ? { status: response.status }
        : {
            status: response.status,
            body: `${kind.paths[0]} → ${body.slice(0, 300)}`,
          };
    }
    const results: QueryFigures[] = [];
    const offerTo = (offer: QueryOffer, paths: string[], durationMs: number) =>
      drive(offer, api, load, {
        url: baseUrl,
        paths,
        headers,
        rate: o.rate,
        connections: o.connections,
        durationMs,
      });
    for (const kind of kinds) {
      const runs = new Map<QueryOffer, QueryRun[]>(
        QUERY_OFFERS.map((offer) => [offer, []]),
      );
      // Warm-up, not counted: connection pools, JIT, the buffer cache.
      await offerTo('paced', kind.paths, 2000);
      for (let rep = 0; rep < options.reps; rep++) {
        for (const offer of QUERY_OFFERS) {
          log(
            `  run ${rep + 1}/${options.reps}: ${kind.query} at ${o.rate} req/s (${offer})`,
          );
          runs.get(offer)?.push(await offerTo(offer, kind.paths, o.durationMs));
        }
      }
      for (const offer of QUERY_OFFERS) {
        results.push(
          summarize(
            kind.query,
            offer,
            kind.paths[0] ?? '',
            runs.get(offer) ?? [],
          ),
        );
      }
    }
    // autocannon stops at its deadline without waiting for the answers in
    // flight; let the API finish them so they are not counted below.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    log('  profile: paced ticket view with the API process profiled');
    mkdirSync(PROFILE_DIR, { recursive: true });
    const file = join(PROFILE_DIR, 'queries-ticket-view.cpuprofile');
    await api.ask({ type: 'profile-start' }, 'profile-started', 30_000);
    const profiled = await offerTo(
      'paced',
      kinds[0].paths,
      Math.min(o.durationMs, 10_000),
    );
    const saved = await api.ask(
      { type: 'profile-stop', file },
      'profile-saved',
      60_000,
    );
    const statements = (saved.statements as StatementStat[]).slice(0, 8);
    return {
      rate: o.rate,
      connections: o.connections,
      dataset: await datasetOf(schema),
      reportEndpoints: found,
      reportNote: hasReport
        ? `${REPORT} over one region and seven days`
        : 'no reporting endpoints; measured the ticket list filtered by status and region instead',
      authenticated: token !== undefined,
      probes,
      profile: {
        requests: profiled.requests,
        cpuProfile: summarizeCpuProfile(file),
        statements: statements.map((st) => ({
          ...st,
          perRequest: st.calls / Math.max(1, profiled.requests),
        })),
      },
      queries: results,
    };
  } finally {
    await load.stop();
    await api.stop();
    await deleteKeys(prefix);
  }
}

function summarize(
  query: string,
  offer: QueryOffer,
  example: string,
  runs: QueryRun[],
): QueryFigures {
  const of = (pick: (r: QueryRun) => number, unit: string) =>
    figure(runs.map(pick), unit);
  return {
    query,
    offer,
    example,
    p50: of((r) => r.p50, 'ms'),
    p99: of((r) => r.p99, 'ms'),
    max: of((r) => r.max, 'ms'),
    achievedRate: of((r) => r.achievedRate, 'req/s'),
    cpuApiMs: of((r) => r.cpuApiMs, 'ms'),
    cpuPostgresMs: of((r) => r.cpuPostgresMs, 'ms'),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    errorCodes: summedCounts(runs.map((r) => r.errorCodes ?? {})),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    statusCodes: summedCounts(runs.map((r) => r.statusCodes ?? {})),
    runs,
  };
}

/** One run of the load child, with the CPU it cost the API and PostgreSQL. */
async function drive(
  offer: QueryOffer,
  api: BenchChild,
  load: BenchChild,
  request: PacedLoadRequest,
): Promise<QueryRun> {
  const window = new CpuWindow({ api: api.pid }, BENCH_DATABASE);
  const message: LoadRequest | (PacedLoadRequest & { type: 'paced' }) =
    offer === 'paced'
      ? { type: 'paced', ...request }
      : { type: 'load', ...request };
  const answer = (await load.ask(
    message as unknown as { type: string },
    offer === 'paced' ? 'paced-done' : 'loaded',
    request.durationMs + 60_000,
  )) as unknown as QueryRun;
  const cpu = window.finish();
  const requests = Math.max(1, answer.requests);
  return {
    ...answer,
    cpuApiMs: (cpu.groups.api ?? 0) / requests,
    cpuPostgresMs: (cpu.groups[`postgres (${BENCH_DATABASE})`] ?? 0) / requests,
  };
}

/** Counts by key, added up over the runs. */
function summedCounts(
  counts: readonly Record<string, number>[],
): Record<string, number> {
  const all: Record<string, number> = {};
  for (const byKey of counts) {
    for (const [key, count] of Object.entries(byKey)) {
      all[key] = (all[key] ?? 0) + count;
    }
  }
  return all;
}
