import { figure, type Figure } from '../support/stats';
import { backlog, type BacklogRun } from './backlog-drain';
import type { DrainContext } from './e2e-context';

/** A drain phase may take this long before it counts as stalled out. */
const PHASE_BOUND_MS = 600_000;

export interface BacklogSummary {
  intake: Figure;
  chain: Figure;
  /** Both phases of a run together: their actions over their time. */
  combined: Figure;
  lost: number;
  failedJobs: number;
  rejected: number;
  runs: BacklogRun[];
}

/** A short drain before the counted ones: JIT, pools, prepared paths. */
export async function warmUp(
  ctx: DrainContext,
  intakeTickets: number,
): Promise<void> {
  await backlog(ctx, 'intake', Math.min(100, intakeTickets), 60_000);
}

/**
 * One measured backlog drain: `intakeTickets` intakes enqueued while the
 * agent queue is paused, then the hand-off chain (create task → automatic
 * dispatch → automatic assignment) on the first `chainTickets` of them.
 */
export async function drainRep(
  ctx: DrainContext,
  intakeTickets: number,
  chainTickets: number,
): Promise<{ intake: BacklogRun; chain: BacklogRun }> {
  const intake = await backlog(ctx, 'intake', intakeTickets, PHASE_BOUND_MS);
  const chain = await backlog(
    ctx,
    'hand-off chain',
    chainTickets,
    PHASE_BOUND_MS,
    intake.ids,
  );
  return { intake: intake.run, chain: chain.run };
}

/** Actions per second over both phases of one run. */
export function combinedRate(intake: BacklogRun, chain: BacklogRun): number {
  return (
    ((intake.actions + chain.actions) / (intake.elapsedMs + chain.elapsedMs)) *
    1000
  );
}

/** The figures of several runs of `drainRep`, runs in order. */
export function summarizeBacklog(runs: readonly BacklogRun[]): BacklogSummary {
  const intakeRuns = runs.filter((r) => r.phase === 'intake');
  const chainRuns = runs.filter((r) => r.phase === 'hand-off chain');
  return {
    intake: figure(
      intakeRuns.map((r) => r.actionsPerSecond),
      'actions/s',
    ),
    chain: figure(
      chainRuns.map((r) => r.actionsPerSecond),
      'actions/s',
    ),
    combined: figure(
      intakeRuns.map((r, i) => combinedRate(r, chainRuns[i])),
      'actions/s',
    ),
    lost: runs.reduce((n, r) => n + r.lost, 0),
    failedJobs: Math.max(0, ...runs.map((r) => r.failedJobs)),
    rejected: Math.max(0, ...runs.map((r) => r.rejected)),
    runs: [...runs],
  };
}
