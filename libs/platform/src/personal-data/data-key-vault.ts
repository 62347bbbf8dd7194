import type { Pool, PoolClient } from 'pg';
import { newDataKey } from './sealed-text';

type Queryable = Pool | PoolClient;

export interface Erasure {
  subject: string;
  erasedAt: string;
  erasedBy: Record<string, unknown>;
}

/**
 * The data keys of personal data, one per subject (a ticket), in the
 * `personal_data_keys` table. Erasing a subject deletes its key: what was
 * sealed with it can no longer be opened, while the events that hold the
 * sealed values stay exactly as they were hashed.
 *
 * TODO(#7): keys are stored as they are; wrapping them with a master key
 * held outside the database (a KMS) would keep a database dump from
 * opening the data before it is erased.
 */
export class DataKeyVault {
  constructor(private readonly pool: Pool) {}

  /** The subject's key, made on first use. */
  async keyFor(subject: string): Promise<Buffer> {
    await this.pool.query(
      `INSERT INTO personal_data_keys (subject, data_key) VALUES ($1, $2)
       ON CONFLICT (subject) DO NOTHING`,
      [subject, newDataKey()],
    );
    const key = await this.existingKey(subject);
    if (!key) throw new Error(`The data key of ${subject} vanished`);
    return key;
  }

  /**
   * The subject's key, or null when it has none (never made, or erased).
   * Given a transaction's client the row is share-locked, so an erasure
   * waits for that transaction to end.
   */
  async existingKey(
    subject: string,
    client?: PoolClient,
  ): Promise<Buffer | null> {
    const lock = client ? ' FOR SHARE' : '';
    const { rows } = await (client ?? this.pool).query<{ data_key: Buffer }>(
      `SELECT data_key FROM personal_data_keys WHERE subject = $1${lock}`,
      [subject],
    );
    return rows[0]?.data_key ?? null;
  }

  /**
   * Deletes the subject's key and records who erased it when. Erasing
   * again changes nothing and answers with the first erasure.
   */
  async erase(
    subject: string,
    erasedBy: Record<string, unknown>,
    client: Queryable = this.pool,
  ): Promise<Erasure> {
    await client.query('DELETE FROM personal_data_keys WHERE subject = $1', [
      subject,
    ]);
    await client.query(
      `INSERT INTO personal_data_erasures (subject, erased_by)
       VALUES ($1, $2) ON CONFLICT (subject) DO NOTHING`,
      [subject, JSON.stringify(erasedBy)],
    );
    const { rows } = await client.query<{
      erased_at: Date;
      erased_by: Record<string, unknown>;
    }>(
      'SELECT erased_at, erased_by FROM personal_data_erasures WHERE subject = $1',
      [subject],
    );
    return {
      subject,
      erasedAt: rows[0].erased_at.toISOString(),
      erasedBy: rows[0].erased_by,
    };
  }
}
