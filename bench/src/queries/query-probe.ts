import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { PROFILE_DIR } from '../end-to-end/profiled-drain';
import { prepareLogSchema, rebuildOnce } from '../rebuild/rebuild.part';
import {
  BENCH_DATABASE,
  BENCH_DATABASE_URL,
  ensureBenchDatabase,
} from '../support/bench-database';
import {
  benchQueuePrefix,
  BENCH_REDIS_URL,
  deleteKeys,
} from '../support/bench-redis';
import { BenchChild } from '../support/child';
import { cleanUpNow } from '../support/cleanup';
import { summarizeCpuProfile } from '../support/cpu-profile-summary';
import { freePort } from '../support/free-port';
import { CpuWindow } from '../support/process-cpu';
import { benchSigningKey, benchToken } from './bench-token';
import type { PacedLoadResult } from './paced-load';
import { pathsFor, reportDays, reportPaths } from './query-paths';

/**
 * A focused probe of part 5, for working on the read path: the same API
 * process, data and paths as `npm run bench -- --only=queries`, but the
 * read models are built once and then each query is offered as often as
 * asked, both as the bench's autocannon offers it (`burst`) and evenly
 * spaced (`paced`), with the CPU each request costs in the API process,
 * in PostgreSQL's backends and in the load generator, from /proc (no
 * profiler running). Prints one line per run; writes nothing else but a
 * profile when asked. `floor` and `floor-no-db` are not the API but a bare
 * Node server (floor.child.ts), to show what the machine allows.
 *
 *   node bench/dist/queries/query-probe.js --kinds=ticket,inbox,report,floor \
 *     --modes=paced,burst --reps=3 --seconds=10 [--events=5000] [--rate=200] \
 *     [--connections=50] [--build-seconds=20] [--profile]
 *
 * The read models are built for at most `--build-seconds`; a log of many
 * events (the bench's 4,000 calls a day fill a report's week from about
 * 340,000) needs more than the default to be built to its end.
 */
const SYSTEM = join(__dirname, '..', 'end-to-end', 'system.child.js');
const LOAD = join(__dirname, 'load.child.js');
const FLOOR = join(__dirname, 'floor.child.js');

function arg(name: string, fallback: string): string {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function main(): Promise<void> {
  const kinds = arg('kinds', 'ticket,inbox,report').split(',');
  const modes = arg('modes', 'paced,burst').split(',');
  const reps = Number(arg('reps', '3'));
  const durationMs = Number(arg('seconds', '10')) * 1000;
  const rate = Number(arg('rate', '200'));
  const connections = Number(arg('connections', '50'));
  const profile = process.argv.includes('--profile');

  await ensureBenchDatabase();
  log('building read models');
  const prepared = await prepareLogSchema(Number(arg('events', '5000')));
  const schema = prepared.schema;
  const buildMs = Number(arg('build-seconds', '20')) * 1000;
  const built = await rebuildOnce(schema, prepared.log.head, buildMs);
  log(
    `read models built from ${prepared.log.events} events` +
      (built.complete ? '' : ' (stopped at the time limit before the end)'),
  );
  const port = await freePort();
  const prefix = benchQueuePrefix('probe');
  const key = benchSigningKey();
  const token = benchToken(key);
  const api = new BenchChild(SYSTEM, {
    name: 'probe-api',
    env: {
      DATABASE_URL: BENCH_DATABASE_URL,
      DATABASE_SCHEMA: schema.schema,
      REDIS_URL: BENCH_REDIS_URL,
      QUEUE_PREFIX: prefix,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      AUTH_SIGNING_KEY: key,
      RATE_LIMIT_PER_MINUTE: String(10 ** 9),
    },
  });
  const load = new BenchChild(LOAD, { name: 'probe-load' });
  const floors = new Map<string, BenchChild>();
  for (const kind of kinds.filter((k) => k.startsWith('floor'))) {
    floors.set(
      kind,
      new BenchChild(FLOOR, {
        name: `probe-${kind}`,
        args: kind === 'floor-no-db' ? ['--no-db'] : [],
        env: { DATABASE_URL: BENCH_DATABASE_URL },
      }),
    );
  }
  try {
    await api.next('ready', 120_000);
    await load.next('ready', 30_000);
    const apiUrl = `http://127.0.0.1:${port}`;
    const floorUrls = new Map<string, string>();
    for (const [kind, child] of floors) {
      const ready = await child.next('ready', 30_000);
      floorUrls.set(kind, `http://127.0.0.1:${String(ready.port)}`);
    }
    const headers: Record<string, string> = token
      ? { authorization: `Bearer ${token}` }
      : {};
    const paths = await pathsFor(schema);
    const byKind: Record<string, string[]> = {
      ticket: paths.ticketView,
      inbox: paths.inbox,
      report: reportPaths(await reportDays(schema)),
      floor: paths.ticketView,
      'floor-no-db': paths.ticketView,
    };
    const offer = async (
      mode: string,
      kind: string,
      ms: number,
    ): Promise<PacedLoadResult> => {
      const request = {
        url: floorUrls.get(kind) ?? apiUrl,
        paths: byKind[kind],
        headers,
        rate,
        connections,
        durationMs: ms,
      };
      const reply = mode === 'paced' ? 'paced-done' : 'loaded';
      const type = mode === 'paced' ? 'paced' : 'load';
      const answer = await load.ask({ type, ...request }, reply, ms + 60_000);
      return answer as unknown as PacedLoadResult;
    };
    for (const kind of kinds) {
      const server = floors.get(kind) ?? api;
      await offer('paced', kind, 2000);
      for (let rep = 0; rep < reps; rep++) {
        for (const mode of modes) {
          const window = new CpuWindow(
            { server: server.pid, load: load.pid },
            BENCH_DATABASE,
          );
          const load1 = loadavg()[0];
          const run = await offer(mode, kind, durationMs);
          const cpu = window.finish();
          const per = (group: string) =>
            ((cpu.groups[group] ?? 0) / Math.max(1, run.requests)).toFixed(2);
          const busy = (100 * cpu.machineBusyMs) / cpu.machineTotalMs;
          log(
            `${kind.padEnd(6)} ${mode.padEnd(5)} p50 ${run.p50} p99 ${run.p99} max ${run.max} ` +
              `n ${run.requests} non2xx ${run.non2xx} err ${run.errors} | ` +
              `cpu ms/req server ${per('server')} pg ${per(`postgres (${BENCH_DATABASE})`)} ` +
              `load ${per('load')} | machine ${busy.toFixed(0)}% busy, load ${load1.toFixed(2)}`,
          );
        }
      }
      if (profile && server === api) {
        mkdirSync(PROFILE_DIR, { recursive: true });
        const file = join(PROFILE_DIR, `probe-${kind}.cpuprofile`);
        await api.ask({ type: 'profile-start' }, 'profile-started', 30_000);
        const run = await offer('paced', kind, durationMs);
        await api.ask({ type: 'profile-stop', file }, 'profile-saved', 60_000);
        const summary = summarizeCpuProfile(file);
        log(
          `${kind} profiled: ${summary.busyMs} ms on CPU for ${run.requests} requests; ` +
            summary.byArea
              .slice(0, 8)
              .map((a) => `${a.area} ${(100 * a.share).toFixed(0)}%`)
              .join(', ') +
            ` (${file})`,
        );
      }
    }
  } finally {
    await load.stop();
    for (const child of floors.values()) await child.stop();
    await api.stop();
    await deleteKeys(prefix);
    await schema.drop();
    await cleanUpNow();
  }
  process.exit(0);
}

process.once('SIGINT', () => {
  log('SIGINT: cleaning up');
  void cleanUpNow().finally(() => process.exit(130));
});

main().catch((error: unknown) => {
  log(`probe failed: ${(error as Error).stack ?? String(error)}`);
  void cleanUpNow().finally(() => process.exit(1));
});
