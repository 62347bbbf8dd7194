import { inTransaction } from '@opsdesk/platform';
import type { Pool } from 'pg';
import { MissingReadModelError } from '../cli/audit-errors';
import type { RebuildPlan } from './rebuild-plan';

/** Fails before any work when a live table to be replaced is missing. */
export async function checkLiveTables(pool: Pool, plan: RebuildPlan) {
  for (const table of plan.live.tables) {
    const { rows } = await pool.query<{ found: string | null }>(
      'SELECT to_regclass($1)::text AS found',
      [table],
    );
    if (rows[0].found === null) {
      throw new MissingReadModelError(plan.live.name, table);
    }
  }
}

/**
 * Drops what an earlier run left: staging tables of a run that was
 * interrupted, backup tables kept with --keep-backup, and the staging
 * checkpoint row. Returns the tables it dropped.
 */
export async function dropLeftovers(
  pool: Pool,
  plan: RebuildPlan,
): Promise<string[]> {
  const dropped: string[] = [];
  for (const table of [...plan.staging.tables, ...plan.backupTables]) {
    const { rows } = await pool.query<{ found: string | null }>(
      'SELECT to_regclass($1)::text AS found',
      [table],
    );
    if (rows[0].found === null) continue;
    await pool.query(`DROP TABLE ${table}`);
    dropped.push(table);
  }
  await pool.query('DELETE FROM projection_checkpoints WHERE name = $1', [
    plan.staging.name,
  ]);
  return dropped;
}

/** The staging tables from the projection's own DDL, all or nothing. */
export async function createStagingTables(pool: Pool, plan: RebuildPlan) {
  await inTransaction(pool, async (client) => {
    for (const migration of plan.staging.migrations) {
      await client.query(migration.sql);
    }
  });
}
