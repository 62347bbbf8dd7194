import { join } from 'node:path';
import { RoleQueueSet } from '@opsdesk/messaging';
import { redisConnectionOptions } from '@opsdesk/platform';
import { LifecycleGenerator } from '../fixtures/lifecycles';
import type { BenchOptions } from '../options';
import { benchSigningKey } from '../queries/bench-token';
import {
  BENCH_DATABASE_URL,
  createBenchSchema,
} from '../support/bench-database';
import {
  benchQueuePrefix,
  BENCH_REDIS_URL,
  deleteKeys,
} from '../support/bench-redis';
import { BenchChild } from '../support/child';
import { freePort } from '../support/free-port';
import { figure, type Figure } from '../support/stats';
import { backlog, type BacklogRun } from './backlog-drain';
import { rawBullmqDrain } from './bullmq-baseline';
import { intakeCommand } from './commands';
import type { Context } from './e2e-context';
import { offeredLoad, type LoadRun } from './offered-load';
import { profiledDrain, type DrainProfile } from './profiled-drain';
import { VisibilityWatcher } from './visibility-watcher';

export { PROFILE_DIR } from './profiled-drain';

const SYSTEM = join(__dirname, 'system.child.js');

export interface EndToEndResult {
  backlog: {
    intake: Figure;
    chain: Figure;
    combined: Figure;
    lost: number;
    failedJobs: number;
    rejected: number;
    runs: BacklogRun[];
  };
  rawBullmq: Figure;
  loads: {
    offeredRate: number;
    achievedRate: Figure;
    e2eP50: Figure;
    e2eP99: Figure;
    e2eMax: Figure;
    lagP50: Figure;
    lagP99: Figure;
    notVisibleInBound: number;
    longestForeignTransactionMs: number;
    runs: LoadRun[];
  }[];
  profile?: DrainProfile;
}

/** Parts 2 and 3: ticket actions end to end, and projection lag. */
export async function runEndToEndPart(
  options: BenchOptions,
  log: (line: string) => void,
): Promise<EndToEndResult> {
  const o = options.endToEnd;
  const schema = await createBenchSchema('e2e', 4);
  const prefix = benchQueuePrefix('e2e');
  const port = await freePort();
  const child = new BenchChild(SYSTEM, {
    name: 'e2e-system',
    args: ['--all'],
    env: {
      DATABASE_URL: BENCH_DATABASE_URL,
      DATABASE_SCHEMA: schema.schema,
      REDIS_URL: BENCH_REDIS_URL,
      QUEUE_PREFIX: prefix,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      // Its own key, so an API with bearer tokens needs no key file.
      AUTH_SIGNING_KEY: benchSigningKey(),
    },
  });
  let watcher: VisibilityWatcher | undefined;
  const queues = new RoleQueueSet(
    redisConnectionOptions(BENCH_REDIS_URL),
    prefix,
  );
  try {
    await child.next('ready', 120_000);
    watcher = await VisibilityWatcher.install(
      schema.pool,
      BENCH_DATABASE_URL,
      schema.schema,
    );
    const ctx: Context = {
      schema,
      prefix,
      child,
      queues,
      watcher,
      generator: new LifecycleGenerator(99),
    };

    // A short warm-up: JIT, pools and prepared paths, not counted.
    await backlog(ctx, 'intake', Math.min(100, o.intakeTickets), 60_000);

    const runs: BacklogRun[] = [];
    const raw: number[] = [];
    const loadRuns = new Map<number, LoadRun[]>(o.loads.map((l) => [l, []]));
    for (let rep = 0; rep < options.reps; rep++) {
      log(`  run ${rep + 1}/${options.reps}: backlog drain`);
      const intake = await backlog(ctx, 'intake', o.intakeTickets, 600_000);
      const chain = await backlog(
        ctx,
        'hand-off chain',
        o.chainTickets,
        600_000,
        intake.ids,
      );
      runs.push(intake.run, chain.run);
      log(`  run ${rep + 1}/${options.reps}: raw BullMQ`);
      const sample = intakeCommand(ctx.generator);
      raw.push(
        (
          await rawBullmqDrain(
            `${prefix}-raw${rep}`,
            o.baselineJobs,
            { kind: 'command', command: sample },
            300_000,
          )
        ).jobsPerSecond,
      );
      // Far above what the system drains, a long offer only builds a
      // backlog that takes minutes to clear and says nothing more.
      const capacity = intake.run.actionsPerSecond;
      for (const rate of o.loads) {
        const over = rate > capacity * 1.5;
        const offerMs = over ? o.overloadOfferMs : o.offerMs;
        log(
          `  run ${rep + 1}/${options.reps}: ${rate} actions/s offered for ${offerMs / 1000} s`,
        );
        loadRuns
          .get(rate)
          ?.push(await offeredLoad(ctx, rate, offerMs, o.drainBoundMs, over));
      }
    }

    log('  profile: backlog drain with the CPU profiler on');
    const profile = await profiledDrain(
      ctx,
      Math.ceil(o.intakeTickets / 2),
      Math.ceil(o.chainTickets / 2),
    );

    const intakeRuns = runs.filter((r) => r.phase === 'intake');
    const chainRuns = runs.filter((r) => r.phase === 'hand-off chain');
    return {
      backlog: {
        intake: figure(
          intakeRuns.map((r) => r.actionsPerSecond),
          'actions/s',
        ),
        chain: figure(
          chainRuns.map((r) => r.actionsPerSecond),
          'actions/s',
        ),
        combined: figure(
          intakeRuns.map((r, i) => {
            const c = chainRuns[i];
            return (
              ((r.actions + c.actions) / (r.elapsedMs + c.elapsedMs)) * 1000
            );
          }),
          'actions/s',
        ),
        lost: runs.reduce((n, r) => n + r.lost, 0),
        failedJobs: Math.max(...runs.map((r) => r.failedJobs)),
        rejected: Math.max(...runs.map((r) => r.rejected)),
        runs,
      },
      rawBullmq: figure(raw, 'jobs/s'),
      loads: o.loads.map((rate) => {
        const r = loadRuns.get(rate) ?? [];
        return {
          offeredRate: rate,
          achievedRate: figure(
            r.map((x) => x.achievedRate),
            'actions/s',
          ),
          e2eP50: figure(
            r.map((x) => x.enqueueToVisible.p50),
            'ms',
          ),
          e2eP99: figure(
            r.map((x) => x.enqueueToVisible.p99),
            'ms',
          ),
          e2eMax: figure(
            r.map((x) => x.enqueueToVisible.max),
            'ms',
          ),
          lagP50: figure(
            r.map((x) => x.projectionLag.p50),
            'ms',
          ),
          lagP99: figure(
            r.map((x) => x.projectionLag.p99),
            'ms',
          ),
          notVisibleInBound: r.reduce((n, x) => n + x.notVisibleInBound, 0),
          longestForeignTransactionMs: Math.max(
            0,
            ...r.map((x) => x.longestForeignTransactionMs),
          ),
          runs: r,
        };
      }),
      profile,
    };
  } finally {
    await watcher?.close().catch(() => undefined);
    await queues.close().catch(() => undefined);
    await child.stop();
    await deleteKeys(prefix);
    await schema.drop();
  }
}
