import type { Pool } from 'pg';

/**
 * A reader of the log sees only rows of transactions below the oldest one
 * still open on the server (the gate that makes late commits safe), so a
 * read just after a command's answer can miss that command's events while
 * some unrelated transaction is open, and a "settled" check made on that
 * read passes a moment too early. A barrier taken now is passed once every
 * transaction that had an id by now has ended: a read of the log started
 * after that sees everything committed before the barrier.
 */
export async function logBarrier(pool: Pool): Promise<() => Promise<boolean>> {
  const { rows } = await pool.query<{ next: string }>(
    'SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS next',
  );
  const next = rows[0].next;
  return async () => {
    const gate = await pool.query<{ passed: boolean }>(
      'SELECT pg_snapshot_xmin(pg_current_snapshot()) >= $1::xid8 AS passed',
      [next],
    );
    return gate.rows[0].passed;
  };
}
