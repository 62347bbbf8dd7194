import type { Pool } from 'pg';
import type { AuditIo, AuditResources } from '../cli/audit-command';
import { ProgressReporter } from '../progress/progress-reporter';
import { inTransaction } from './in-transaction';
import { countLogEvents } from './log-size';
import { takeRebuildLock } from './rebuild-lock';
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
 * Rebuilds one projection from the log into staging tables and swaps them
 * in (see `swapIn`). Interrupted at any point before the swap commits, it
 * leaves the live tables as they were and only staging tables behind,
 * which the next run drops first.
 */
export async function rebuildProjection(
  resources: AuditResources,
  io: AuditIo,
  plan: RebuildPlan,
  settings: RebuildSettings,
): Promise<RebuildReport> {
  const { pool } = resources;
  const name = plan.live.name;
  const lock = await takeRebuildLock(pool, name);
  try {
    await checkLiveTables(pool, plan);
    const droppedLeftovers = await dropLeftovers(pool, plan);
    await createStagingTables(pool, plan);

    const progress = new ProgressReporter({
      out: io.stderr,
      tty: io.stderrIsTty,
      label: `rebuild ${name}`,
      total: await countLogEvents(pool, plan.staging.streamPrefixes),
      lineEvery: settings.progressEvery,
    });
    const built = await buildStaging(
      resources,
      plan,
      settings.pageSize,
      progress,
    );
    const swap = await swapIn(resources, plan, settings.pageSize);
    progress.advance(swap.caughtUp);
    progress.finish();

    const keptBackup = settings.keepBackup
      ? plan.backupTables
      : await dropBackups(pool, plan.backupTables);
    const tables: TableChecksum[] = [];
    for (const table of plan.live.tables) {
      tables.push(await tableChecksum(pool, table));
    }
    return {
      projection: name,
      droppedLeftovers,
      eventsBuilt: built.events,
      eventsCaughtUpAtSwap: swap.caughtUp,
      swapAttempts: swap.attempts,
      position: swap.position,
      keptBackup,
      tables,
    };
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
