import { mergeCpu, type BacklogRun } from '../end-to-end/backlog-drain';
import {
  combinedRate,
  drainRep,
  summarizeBacklog,
  warmUp,
  type BacklogSummary,
} from '../end-to-end/drain-reps';
import type { DrainContext } from '../end-to-end/e2e-context';
import { openSingleProcess } from '../end-to-end/single-process';
import type { BenchOptions } from '../options';
import type { CpuSplit } from '../support/process-cpu';
import { ratioFigure, type Figure } from '../support/stats';
import { openScaledTopology } from './scaled-topology';

export interface TopologyDrain {
  topology: string;
  processes: string;
  backlog: BacklogSummary;
  /** CPU per process over every counted drain: who the cores went to. */
  cpu: CpuSplit;
}

export interface ScaledResult {
  single: TopologyDrain;
  scaled: TopologyDrain & {
    /** Log-consumer leases per projector at the end: one active, one standby. */
    leases: Record<string, number>;
  };
  /** Scaled ÷ single-process, both phases together, run by run. */
  ratio: Figure;
}

function cpuOf(backlog: BacklogSummary): CpuSplit {
  return backlog.runs.map((r) => r.cpu).reduce(mergeCpu);
}

async function drainReps(
  ctx: DrainContext,
  options: BenchOptions,
  log: (line: string) => void,
  label: string,
): Promise<BacklogSummary> {
  const o = options.scaled;
  await warmUp(ctx, o.intakeTickets);
  const runs: BacklogRun[] = [];
  for (let rep = 0; rep < options.reps; rep++) {
    log(`  ${label}, run ${rep + 1}/${options.reps}: backlog drain`);
    const { intake, chain } = await drainRep(
      ctx,
      o.intakeTickets,
      o.chainTickets,
    );
    log(`    ${Math.round(combinedRate(intake, chain))} actions/s`);
    runs.push(intake, chain);
  }
  return summarizeBacklog(runs);
}

/**
 * Part 2's backlog drain on the single-process system and on the scaled
 * topology (Redis Cluster, two workers, two projectors), one after the
 * other, so that neither competes with the other for the cores.
 */
export async function runScaledPart(
  options: BenchOptions,
  log: (line: string) => void,
): Promise<ScaledResult> {
  const one = await openSingleProcess('scaled1');
  let single: BacklogSummary;
  try {
    single = await drainReps(one.ctx, options, log, 'single process');
  } finally {
    await one.close();
  }

  log('  starting the scaled topology');
  const topology = await openScaledTopology();
  try {
    const scaled = await drainReps(topology.ctx, options, log, 'scaled');
    const leases = await topology.leasesByProjector();
    return {
      single: {
        topology: 'single process, one Redis',
        processes: '1 node (`--all`) + the local Redis',
        backlog: single,
        cpu: cpuOf(single),
      },
      scaled: {
        topology: 'Redis Cluster, 2 workers, 2 projectors',
        processes:
          '2 workers (`--role all`) + 2 projectors (1 standby) + 3 Redis masters',
        backlog: scaled,
        cpu: cpuOf(scaled),
        leases,
      },
      ratio: ratioFigure(scaled.combined.runs, single.combined.runs),
    };
  } finally {
    await topology.close();
  }
}
