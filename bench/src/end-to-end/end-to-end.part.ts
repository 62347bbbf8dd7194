import type { BenchOptions } from '../options';
import { figure, type Figure } from '../support/stats';
import type { BacklogRun } from './backlog-drain';
import { rawBullmqDrain } from './bullmq-baseline';
import { intakeCommand } from './commands';
import {
  drainRep,
  summarizeBacklog,
  warmUp,
  type BacklogSummary,
} from './drain-reps';
import { offeredLoad, type LoadRun } from './offered-load';
import { profiledDrain, type DrainProfile } from './profiled-drain';
import { openSingleProcess } from './single-process';

export { PROFILE_DIR } from './profiled-drain';

export interface EndToEndResult {
  backlog: BacklogSummary;
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
  const system = await openSingleProcess('e2e');
  const { ctx } = system;
  const { prefix } = ctx;
  try {
    await warmUp(ctx, o.intakeTickets);

    const runs: BacklogRun[] = [];
    const raw: number[] = [];
    const loadRuns = new Map<number, LoadRun[]>(o.loads.map((l) => [l, []]));
    for (let rep = 0; rep < options.reps; rep++) {
      log(`  run ${rep + 1}/${options.reps}: backlog drain`);
      const { intake, chain } = await drainRep(
        ctx,
        o.intakeTickets,
        o.chainTickets,
      );
      runs.push(intake, chain);
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
      const capacity = intake.actionsPerSecond;
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

    return {
      backlog: summarizeBacklog(runs),
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
    await system.close();
  }
}
