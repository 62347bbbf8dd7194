import type { PoolClient } from 'pg';
import {
  projectionName,
  REBUILD_LOCK_KEY,
  STAGING_SUFFIX,
  tableName,
} from '../table-names';
import { existingTables, projectionsHolding } from './projections-holding';

/**
 * Drops, in the caller's transaction, the staging tables that a rebuild
 * which failed or was stopped left behind, wherever they may hold
 * `subject`'s personal data: nothing reads them, and the next rebuild
 * would drop them first. A running rebuild holds its projection's lock
 * (exclusive, for its session) and scrubs its own staging tables at the
 * swap (eraseSinceStart), so those are left to it. Erasures take the lock
 * shared, so one erasure never mistakes another for a rebuild; they hold
 * it to the end of their transactions, and a rebuild asked for meanwhile
 * is told one is running.
 */
export async function dropStagingLeftovers(
  client: PoolClient,
  subject: string,
): Promise<void> {
  for (const projection of projectionsHolding(subject)) {
    const { rows } = await client.query<{ free: boolean }>(
      `SELECT pg_try_advisory_xact_lock_shared(${REBUILD_LOCK_KEY}) AS free`,
      [projection.name],
    );
    if (!rows[0].free) continue;
    const leftovers = await existingTables(
      client,
      projection.tables.map((table) => tableName(table, STAGING_SUFFIX)),
    );
    // Another erasure may be dropping the same tables: IF EXISTS then.
    if (leftovers.length > 0) {
      await client.query(`DROP TABLE IF EXISTS ${leftovers.join(', ')}`);
    }
    // Also when a stopped rebuild had dropped its tables but not this row.
    await client.query('DELETE FROM projection_checkpoints WHERE name = $1', [
      projectionName(projection.name, STAGING_SUFFIX),
    ]);
  }
}
