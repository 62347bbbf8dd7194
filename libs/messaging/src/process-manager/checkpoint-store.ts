import type { Fence } from '@opsdesk/platform';
import type { Pool } from 'pg';

/** Where a log consumer resumes: one row per consumer name. */
export class CheckpointStore {
  constructor(
    private readonly pool: Pool,
    private readonly table = 'process_manager_checkpoints',
  ) {}

  async load(name: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ position: string }>(
      `SELECT position FROM ${this.table} WHERE name = $1`,
      [name],
    );
    return rows[0]?.position;
  }

  /**
   * Under a lease, the fence is checked in the same transaction, so a
   * former holder cannot move the checkpoint (back) after a takeover.
   */
  async save(name: string, position: string, fence?: Fence): Promise<void> {
    const upsert = `INSERT INTO ${this.table} (name, position) VALUES ($1, $2)
       ON CONFLICT (name)
         DO UPDATE SET position = EXCLUDED.position, updated_at = now()`;
    if (!fence) {
      await this.pool.query(upsert, [name, position]);
      return;
    }
    const client = await this.pool.connect();
    let broken = false;
    // The fence may have the server end the session; hear it, not crash.
    const onConnectionError = () => {
      broken = true;
    };
    client.on('error', onConnectionError);
    try {
      await client.query('BEGIN');
      await fence.check(client);
      await client.query(upsert, [name, position]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.off('error', onConnectionError);
      client.release(broken);
    }
  }
}
