import type { Pool, PoolClient } from 'pg';

/**
 * A pooled connection with a transaction begun on it, and its session's
 * process id, for a test to watch what waits on it (`pg_blocking_pids`).
 */
export async function begunTransaction(
  pool: Pool,
): Promise<{ client: PoolClient; pid: number }> {
  const client = await pool.connect();
  await client.query('BEGIN');
  const { rows } = await client.query<{ pid: number }>(
    'SELECT pg_backend_pid() AS pid',
  );
  return { client, pid: rows[0].pid };
}

/** The sessions waiting for a lock the session of `pid` holds. */
export async function sessionsWaitingOn(
  pool: Pool,
  pid: number,
): Promise<number[]> {
  const { rows } = await pool.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`,
    [pid],
  );
  return rows.map((row) => row.pid);
}
