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

  async save(name: string, position: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (name, position) VALUES ($1, $2)
       ON CONFLICT (name)
         DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
      [name, position],
    );
  }
}
