import { REBUILD_LOCK_KEY } from '@opsdesk/read-models';
import type { Pool, PoolClient } from 'pg';
import {
  RebuildAlreadyRunningError,
  RebuildLockLostError,
} from '../cli/audit-errors';

const TRY_LOCK = `SELECT pg_try_advisory_lock(${REBUILD_LOCK_KEY}) AS locked`;

export interface RebuildLocks {
  /** Rejects with RebuildLockLostError once their session has ended. */
  assertHeld(): Promise<void>;
  release(): Promise<void>;
}

/**
 * A session lock per projection and schema, so two rebuilds of one
 * projection never share its staging tables. The locks of one rebuild
 * are held on one connection, however many projections it builds, and
 * the server releases them when the session ends, so an interrupted
 * rebuild leaves no lock behind. For the same reason a session that ends
 * mid-rebuild loses them: the rebuild asks `assertHeld` before each swap.
 * A reporter's erasure takes the same keys shared for its transaction
 * (dropStagingLeftovers); a rebuild asked for meanwhile is refused as if
 * another were running.
 */
export async function takeRebuildLocks(
  pool: Pool,
  projections: readonly string[],
): Promise<RebuildLocks> {
  const client: PoolClient = await pool.connect();
  let lost = false;
  const onSessionEnded = () => {
    lost = true;
  };
  const stopListening = () => {
    client.off('error', onSessionEnded);
    client.off('end', onSessionEnded);
  };
  client.on('error', onSessionEnded);
  client.on('end', onSessionEnded);
  try {
    for (const projection of projections) {
      const { rows } = await client.query<{ locked: boolean }>(TRY_LOCK, [
        projection,
      ]);
      if (!rows[0].locked) throw new RebuildAlreadyRunningError(projection);
    }
  } catch (error) {
    // Ending the session lets go of the locks already taken.
    stopListening();
    client.release(true);
    throw error;
  }
  return {
    async assertHeld() {
      // The events may lag a dead socket: a query on the session proves it.
      if (!lost) await client.query('SELECT 1').catch(onSessionEnded);
      if (lost) throw new RebuildLockLostError(projections);
    },
    async release() {
      stopListening();
      if (!lost) {
        try {
          await client.query('SELECT pg_advisory_unlock_all()');
          client.release();
          return;
        } catch {
          // Unlocked by ending the session, below.
        }
      }
      // A session that cannot unlock is ended: that releases the locks.
      client.release(true);
    },
  };
}

/** The lock of one projection's rebuild (see `takeRebuildLocks`). */
export function takeRebuildLock(
  pool: Pool,
  projection: string,
): Promise<RebuildLocks> {
  return takeRebuildLocks(pool, [projection]);
}
