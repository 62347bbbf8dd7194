import { WORKER_ROLES } from '@opsdesk/messaging';
import { summarizeLatencies, type LatencySummary } from '../support/stats';
import { nowMs, sleep, within } from '../support/time';
import { intakeCommand } from './commands';
import type { Context } from './e2e-context';
import { sampleForeignTransactions } from './foreign-transactions';

export interface LoadRun {
  offeredRate: number;
  /** How long the rate was offered (shorter when far above capacity). */
  offeredForMs: number;
  overCapacity: boolean;
  commands: number;
  achievedRate: number;
  visible: number;
  notVisibleInBound: number;
  enqueueErrors: number;
  enqueueToVisible: LatencySummary;
  projectionLag: LatencySummary;
  /** Oldest write transaction in another database seen during the run. */
  longestForeignTransactionMs: number;
}

/**
 * Offers intakes at a fixed rate (open loop: the schedule does not wait
 * for the system), then waits for the stragglers up to `drainBoundMs`.
 */
export async function offeredLoad(
  ctx: Context,
  rate: number,
  offerMs: number,
  drainBoundMs: number,
  overCapacity: boolean,
): Promise<LoadRun> {
  const total = Math.round((rate * offerMs) / 1000);
  const commands = Array.from({ length: total }, () =>
    intakeCommand(ctx.generator),
  );
  const enqueuedAt = new Map<string, number>();
  const e2e: number[] = [];
  const lag: number[] = [];
  let allSeen: () => void = () => undefined;
  const seenAll = new Promise<void>((resolve) => (allSeen = resolve));
  ctx.watcher.onRow = (row) => {
    const at = enqueuedAt.get(row.ticketId);
    if (at === undefined || row.lastRevision < 1) return;
    enqueuedAt.delete(row.ticketId);
    e2e.push(row.receivedAtMs - at);
    lag.push(row.receivedAtMs - row.updatedAtMs);
    if (e2e.length === total) allSeen();
  };
  const foreign = sampleForeignTransactions(ctx.schema);

  let sent = 0;
  let errors = 0;
  const startedAt = nowMs();
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(
        total,
        Math.floor(((nowMs() - startedAt) * rate) / 1000),
      );
      while (sent < due) {
        const command = commands[sent++];
        enqueuedAt.set(command.ticketId, nowMs());
        ctx.queues.addCommand('cs-phone-agent', command).catch(() => {
          errors += 1;
        });
      }
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 2);
  });
  const offeredForMs = nowMs() - startedAt;
  await within(seenAll, drainBoundMs);
  ctx.watcher.onRow = () => undefined;
  const longestForeign = await foreign.stop();
  // Let hand-offs still queued finish, so the next run starts clean.
  await waitForIdle(ctx, drainBoundMs);
  return {
    offeredRate: rate,
    offeredForMs,
    overCapacity,
    commands: total,
    achievedRate: (total / offeredForMs) * 1000,
    visible: e2e.length,
    notVisibleInBound: total - e2e.length,
    enqueueErrors: errors,
    enqueueToVisible: summarizeLatencies(e2e),
    projectionLag: summarizeLatencies(lag),
    longestForeignTransactionMs: longestForeign,
  };
}

/** Until no role queue has waiting or active jobs (bounded). */
async function waitForIdle(ctx: Context, boundMs: number): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (Date.now() < deadline) {
    const counts = await Promise.all(
      WORKER_ROLES.map((role) =>
        ctx.queues.queue(role).getJobCounts('waiting', 'active', 'delayed'),
      ),
    );
    const busy = counts.reduce(
      (n, c) => n + (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0),
      0,
    );
    if (busy === 0) return;
    await sleep(200);
  }
}
