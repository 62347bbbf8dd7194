import type { Pool, PoolClient } from 'pg';
import { RebuildAlreadyRunningError } from '../cli/audit-errors';

const TRY_LOCK = `
  SELECT pg_try_advisory_lock(
    hashtextextended('opsdesk-audit-rebuild/' || current_schema() || '/' || $1, 0)
  ) AS locked`;

/**
 * A session lock per projection and schema, so two rebuilds of one
 * projection never share its staging tables. The locks of one rebuild
 * are held on one connection, however many projections it builds, and
 * the server releases them when the session ends, so an interrupted
 * rebuild leaves no lock behind.
 */
export async function takeRebuildLocks(
  pool: Pool,
  projections: readonly string[],
): Promise<{ release(): Promise<void> }> {
  const client: PoolClient = await pool.connect();
  try {
    for (const projection of projections) {
      const { rows } = await client.query<{ locked: boolean }>(TRY_LOCK, [
        projection,
      ]);
      if (!rows[0].locked) throw new RebuildAlreadyRunningError(projection);
    }
  } catch (error) {
    // Ending the session lets go of the locks already taken.
    client.release(true);
    throw error;
  }
  return {
    async release() {
      try {
        await client.query('SELECT pg_advisory_unlock_all()');
        client.release();
      } catch {
        // A session that cannot unlock is ended: that releases the locks.
        client.release(true);
      }
    },
  };
}

/** The lock of one projection's rebuild (see `takeRebuildLocks`). */
export function takeRebuildLock(
  pool: Pool,
  projection: string,
): Promise<{ release(): Promise<void> }> {
  return takeRebuildLocks(pool, [projection]);
}
