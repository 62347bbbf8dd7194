import { inTransaction } from '@opsdesk/platform';
import type { Pool } from 'pg';
import type { AuditIo, AuditResources } from '../cli/audit-command';
import { ProgressReporter } from '../progress/progress-reporter';
import {
  deferIndexes,
  restoreIndexes,
  type DeferredIndexes,
} from './deferred-indexes';
import { erasedSubjects } from './erasures-during-rebuild';
import { countLogEvents } from './log-size';
import { takeRebuildLocks } from './rebuild-lock';
import type { RebuildPlan } from './rebuild-plan';
import { buildStaging } from './staging-build';
import {
  checkLiveTables,
  createStagingTables,
  dropLeftovers,
} from './staging-tables';
import { tableChecksum, type TableChecksum } from './table-checksum';
import { swapIn } from './table-swap';

export interface RebuildSettings {
  pageSize: number;
  progressEvery: number;
  keepBackup: boolean;
}

export interface RebuildReport {
  projection: string;
  /** Tables an earlier, interrupted run (or --keep-backup) had left. */
  droppedLeftovers: string[];
  eventsBuilt: number;
  eventsCaughtUpAtSwap: number;
  swapAttempts: number;
  position: string | null;
  /** The backup tables, when kept. */
  keptBackup: string[];
  tables: TableChecksum[];
}

/**
 * Rebuilds projections from the log into staging tables and swaps each in
 * (see `swapIn`); several are built in one pass over the log, each page
 * read once. Interrupted at any point before a swap commits, it leaves
 * that projection's live tables as they were and only staging tables
 * behind, which the next run drops first.
 */
export async function rebuildProjections(
  resources: AuditResources,
  io: AuditIo,
  plans: readonly RebuildPlan[],
  settings: RebuildSettings,
): Promise<RebuildReport[]> {
  const { pool } = resources;
  const lock = await takeRebuildLocks(
    pool,
    plans.map((plan) => plan.live.name),
  );
  try {
    const droppedLeftovers: string[][] = [];
    const deferred: DeferredIndexes[] = [];
    for (const plan of plans) {
      await checkLiveTables(pool, plan);
      droppedLeftovers.push(await dropLeftovers(pool, plan));
      await createStagingTables(pool, plan);
      deferred.push(await deferIndexes(pool, plan));
    }

    const progress = new ProgressReporter({
      out: io.stderr,
      tty: io.stderrIsTty,
      label: `rebuild ${plans.length === 1 ? plans[0].live.name : 'all'}`,
      total: await countLogEvents(pool, [
        ...new Set(plans.flatMap((p) => p.staging.streamPrefixes)),
      ]),
      lineEvery: settings.progressEvery,
    });
    // Before the first page: see eraseSinceStart, at each swap.
    const erasedBefore = await erasedSubjects(pool);
    const pass = await buildStaging(
      resources,
      plans,
      settings.pageSize,
      progress,
    );

    const swapped: Omit<RebuildReport, 'tables'>[] = [];
    for (const [index, plan] of plans.entries()) {
      // Without the lock another rebuild may own the staging tables now.
      await lock.assertHeld();
      await restoreIndexes(pool, deferred[index]);
      await lock.assertHeld();
      const swap = await swapIn(resources, plan, {
        pageSize: settings.pageSize,
        erasedBefore,
        passEnd: pass.end,
      });
      // The log's events read at the swap; with several projections each
      // reads its own, and the count stays that of the shared pass.
      if (plans.length === 1) progress.advance(swap.caughtUp);
      const keptBackup = settings.keepBackup
        ? plan.backupTables
        : await dropBackups(pool, plan.backupTables);
      swapped.push({
        projection: plan.live.name,
        droppedLeftovers: droppedLeftovers[index],
        eventsBuilt: pass.plans[index].events,
        eventsCaughtUpAtSwap: swap.caughtUp,
        swapAttempts: swap.attempts,
        position: swap.position,
        keptBackup,
      });
    }
    // Every table is in place: the rebuild is done, and its rate with it.
    // The checksums below only report on what it built.
    progress.finish();

    const reports: RebuildReport[] = [];
    for (const [index, plan] of plans.entries()) {
      const tables: TableChecksum[] = [];
      for (const table of plan.live.tables) {
        tables.push(await tableChecksum(pool, table));
      }
      reports.push({ ...swapped[index], tables });
    }
    return reports;
  } finally {
    await lock.release();
  }
}

/**
 * Drops the swapped-out tables; one a reader still holds after a while
 * is kept (and returned) for the next rebuild to drop.
 */
async function dropBackups(pool: Pool, tables: readonly string[]) {
  const kept: string[] = [];
  for (const table of tables) {
    try {
      await inTransaction(pool, async (client) => {
        await client.query(`SET LOCAL lock_timeout = '30s'`);
        await client.query(`DROP TABLE IF EXISTS ${table}`);
      });
    } catch {
      kept.push(table);
    }
  }
  return kept;
}
