import {
  WORKER_ROLES,
  type CommandEnvelope,
  type RoleQueueSet,
} from '@opsdesk/messaging';
import { BENCH_DATABASE, type BenchSchema } from '../support/bench-database';
import { CpuWindow, type CpuSplit } from '../support/process-cpu';
import { nowMs, within } from '../support/time';
import { createTaskCommand, enqueueAll, intakeCommand } from './commands';
import type { DrainContext } from './e2e-context';
import type { VisibleRow } from './visibility-watcher';

/** A drain that shows nothing new for this long has stalled: stop waiting. */
const STALL_MS = 60_000;

export interface BacklogRun {
  phase: 'intake' | 'hand-off chain';
  tickets: number;
  actions: number;
  elapsedMs: number;
  actionsPerSecond: number;
  visible: number;
  lost: number;
  failedJobs: number;
  rejected: number;
  cpu: CpuSplit;
}

export async function failedJobs(queues: RoleQueueSet): Promise<number> {
  const counts = await Promise.all(
    WORKER_ROLES.map((role) => queues.queue(role).getJobCounts('failed')),
  );
  return counts.reduce((n, c) => n + (c.failed ?? 0), 0);
}

export async function rejectedCommands(schema: BenchSchema): Promise<number> {
  const { rows } = await schema.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM command_outcomes WHERE status = 'rejected'`,
  );
  return Number(rows[0].n);
}

/**
 * Enqueues a backlog on the paused agent queue, resumes it and times the
 * drain until every ticket shows the expected state in ticket_view.
 */
export async function backlog(
  ctx: DrainContext,
  phase: BacklogRun['phase'],
  tickets: number,
  boundMs: number,
  intakeIds: readonly string[] = [],
  cpuOwners?: Record<string, number>,
): Promise<{ run: BacklogRun; ids: string[] }> {
  const commands: CommandEnvelope[] =
    phase === 'intake'
      ? Array.from({ length: tickets }, () => intakeCommand(ctx.generator))
      : intakeIds.slice(0, tickets).map((id) => createTaskCommand(id));
  const ids = commands.map((c) => c.ticketId);
  const pending = new Set(ids);
  const done = (row: VisibleRow) =>
    phase === 'intake'
      ? row.lastRevision >= 1
      : row.status === 'INSPECTION_ASSIGNED';
  const failedBefore = await failedJobs(ctx.queues);
  const rejectedBefore = await rejectedCommands(ctx.schema);

  const agent = ctx.queues.queue('cs-phone-agent');
  await agent.pause();
  await enqueueAll(ctx.queues, commands);

  let lastAt = 0;
  let resolveAll: () => void = () => undefined;
  const allVisible = new Promise<void>((resolve) => (resolveAll = resolve));
  ctx.watcher.onRow = (row) => {
    if (!pending.has(row.ticketId) || !done(row)) return;
    pending.delete(row.ticketId);
    lastAt = row.receivedAtMs;
    if (pending.size === 0) resolveAll();
  };
  const cpu = new CpuWindow(cpuOwners ?? ctx.cpuOwners, BENCH_DATABASE);
  const startedAt = nowMs();
  await agent.resume();
  // Bounded twice: in all, and by a stall (nothing new visible for a while).
  for (;;) {
    if (await within(allVisible, 1000)) break;
    const now = nowMs();
    if (now - startedAt > boundMs) break;
    if (now - Math.max(lastAt, startedAt) > STALL_MS) break;
  }
  const cpuSplit = cpu.finish();
  ctx.watcher.onRow = () => undefined;

  const visible = await countDone(ctx.schema, phase, ids);
  const elapsedMs = (lastAt || nowMs()) - startedAt;
  const actions = (phase === 'intake' ? 1 : 3) * visible;
  return {
    ids,
    run: {
      phase,
      tickets,
      actions,
      elapsedMs,
      actionsPerSecond: (actions / elapsedMs) * 1000,
      visible,
      lost: tickets - visible,
      failedJobs: (await failedJobs(ctx.queues)) - failedBefore,
      rejected: (await rejectedCommands(ctx.schema)) - rejectedBefore,
      cpu: cpuSplit,
    },
  };
}

async function countDone(
  schema: BenchSchema,
  phase: BacklogRun['phase'],
  ids: readonly string[],
): Promise<number> {
  const condition =
    phase === 'intake'
      ? 'last_revision >= 1'
      : `status = 'INSPECTION_ASSIGNED'`;
  const { rows } = await schema.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM ticket_view
      WHERE ticket_id = ANY($1::text[]) AND ${condition}`,
    [ids],
  );
  return Number(rows[0].n);
}

/** Sums the CPU splits of two windows. */
export function mergeCpu(a: CpuSplit, b: CpuSplit): CpuSplit {
  const groups: Record<string, number> = { ...a.groups };
  for (const [k, v] of Object.entries(b.groups))
    groups[k] = (groups[k] ?? 0) + v;
  return {
    wallMs: a.wallMs + b.wallMs,
    groups,
    machineBusyMs: a.machineBusyMs + b.machineBusyMs,
    machineTotalMs: a.machineTotalMs + b.machineTotalMs,
  };
}
