import type { Pool, PoolClient } from 'pg';

/** How current the PostgreSQL log is, for operators (`/metrics`). */
export interface LogFigures {
  /** Seconds since the newest event was recorded; null for an empty log. */
  newestEventAgeSeconds: number | null;
  /**
   * Seconds since the oldest transaction on the server that has written
   * (holds a transaction id) began, 0 when none is open. Readers of the
   * log see no event committed after it took its id until it ends (see
   * log-queries.ts), so while it stays open every projection and the
   * process manager stand still. Counted from the transaction's start,
   * which may come before its first write: an upper bound of the hold.
   * The server's, not this database's: the gate is the server's too. A
   * role without `pg_read_all_stats` sees other roles' transactions
   * without their start and leaves them out; prepared transactions hold
   * readers back too and are not counted (this project prepares none).
   */
  oldestWriteTransactionSeconds: number;
}

const LOG_FIGURES = `
  SELECT
    (SELECT extract(epoch FROM now() - recorded_at)::float8
       FROM events ORDER BY tx_id DESC, position DESC LIMIT 1) AS newest,
    (SELECT coalesce(extract(epoch FROM now() - min(xact_start)), 0)::float8
       FROM pg_stat_activity
      WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()) AS oldest_writer`;

export async function readLogFigures(
  db: Pool | PoolClient,
): Promise<LogFigures> {
  const { rows } = await db.query<{
    newest: number | null;
    oldest_writer: number;
  }>(LOG_FIGURES);
  return {
    newestEventAgeSeconds: rows[0].newest,
    oldestWriteTransactionSeconds: rows[0].oldest_writer,
  };
}
