import {
  fenceLeaseQuery,
  prepared,
  type Fence,
  type PreparedQuery,
} from '@opsdesk/platform';
import type { Pool } from 'pg';

/** Where a log consumer resumes: one row per consumer name. */
export class CheckpointStore {
  private readonly upsert: PreparedQuery;
  private readonly fencedUpsert: PreparedQuery;

  constructor(
    private readonly pool: Pool,
    private readonly table = 'process_manager_checkpoints',
  ) {
    this.upsert = prepared(
      `INSERT INTO ${table} (name, position) VALUES ($1, $2)
       ON CONFLICT (name) DO ${UPDATE_POSITION}`,
    );
    // One statement is its own transaction: no idle limit to set.
    this.fencedUpsert = prepared(
      `WITH ${fenceLeaseQuery(3)},
            saved AS (
              INSERT INTO ${table} (name, position)
              SELECT $1::text, $2::text FROM fence_lease
               WHERE fencing_token = $4::bigint
              ON CONFLICT (name) DO ${UPDATE_POSITION}
              RETURNING 1)
       SELECT (SELECT fencing_token::text FROM fence_lease) AS token`,
    );
  }

  async load(name: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ position: string }>(
      `SELECT position FROM ${this.table} WHERE name = $1`,
      [name],
    );
    return rows[0]?.position;
  }

  /**
   * Under a lease, the fence is checked in the same statement, so a
   * former holder cannot move the checkpoint (back) after a takeover.
   */
  async save(name: string, position: string, fence?: Fence): Promise<void> {
    if (!fence) {
      await this.pool.query(this.upsert([name, position]));
      return;
    }
    const { rows } = await this.pool.query<{ token: string | null }>(
      this.fencedUpsert([name, position, fence.lease, fence.token]),
    );
    fence.confirm(rows[0].token);
  }
}

const UPDATE_POSITION =
  'UPDATE SET position = EXCLUDED.position, updated_at = now()';
