import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  summarizeCpuProfile,
  type CpuProfileSummary,
} from '../support/cpu-profile-summary';
import type { CpuSplit } from '../support/process-cpu';
import type { StatementStat } from '../support/query-stats';
import { backlog, mergeCpu } from './backlog-drain';
import type { Context } from './e2e-context';

export const PROFILE_DIR = join(__dirname, '..', '..', 'results', 'profiles');

export interface DrainProfile {
  actions: number;
  cpu: CpuSplit;
  cpuProfile: CpuProfileSummary;
  statements: (StatementStat & { perAction: number })[];
}

/** One more backlog drain, with the system's CPU profiled and its SQL timed. */
export async function profiledDrain(
  ctx: Context,
  intakeTickets: number,
  chainTickets: number,
): Promise<DrainProfile> {
  mkdirSync(PROFILE_DIR, { recursive: true });
  const file = join(PROFILE_DIR, 'end-to-end-drain.cpuprofile');
  await ctx.child.ask({ type: 'profile-start' }, 'profile-started', 30_000);
  const intake = await backlog(ctx, 'intake', intakeTickets, 600_000);
  const chain = await backlog(
    ctx,
    'hand-off chain',
    chainTickets,
    600_000,
    intake.ids,
  );
  const saved = await ctx.child.ask(
    { type: 'profile-stop', file },
    'profile-saved',
    60_000,
  );
  const actions = intake.run.actions + chain.run.actions;
  const statements = (saved.statements as StatementStat[]).slice(0, 40);
  return {
    actions,
    cpu: mergeCpu(intake.run.cpu, chain.run.cpu),
    cpuProfile: summarizeCpuProfile(file),
    statements: statements.map((s) => ({ ...s, perAction: s.calls / actions })),
  };
}
