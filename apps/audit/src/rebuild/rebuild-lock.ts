import type { Pool, PoolClient } from 'pg';
import { RebuildAlreadyRunningError } from '../cli/audit-errors';

const TRY_LOCK = `
  SELECT pg_try_advisory_lock(
    hashtextextended('opsdesk-audit-rebuild/' || current_schema() || '/' || $1, 0)
  ) AS locked`;

const UNLOCK = `
  SELECT pg_advisory_unlock(
    hashtextextended('opsdesk-audit-rebuild/' || current_schema() || '/' || $1, 0))`;

/**
 * A session lock per projection and schema, so two rebuilds of one
 * projection never share its staging tables. The server releases it when
 * the session ends, so an interrupted rebuild leaves no lock behind.
 */
export async function takeRebuildLock(
  pool: Pool,
  projection: string,
): Promise<{ release(): Promise<void> }> {
  const client: PoolClient = await pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(TRY_LOCK, [
      projection,
    ]);
    if (!rows[0].locked) throw new RebuildAlreadyRunningError(projection);
  } catch (error) {
    client.release();
    throw error;
  }
  return {
    async release() {
      try {
        await client.query(UNLOCK, [projection]);
        client.release();
      } catch {
        // A session that cannot unlock is ended: that releases the lock.
        client.release(true);
      }
    },
  };
}
