import type { Pool, PoolClient } from 'pg';

/** Runs `work` in a transaction on one client: commit, or roll back. */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    // A client whose rollback failed is in an unknown state: destroy it.
    client.release(broken);
  }
}
