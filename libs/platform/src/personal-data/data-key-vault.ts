import type { Pool, PoolClient } from 'pg';
import { prepared } from '../prepared';
import { TurnBatcher } from '../turn-batcher';
import { newDataKey } from './sealed-text';

/**
 * Every intake makes a key (or finds the one a retry made); an erased
 * subject gets none again, and is named as erased.
 */
const MAKE_OR_FIND_KEYS = prepared(
  `WITH made AS (
     INSERT INTO personal_data_keys (subject, data_key)
     SELECT asked.subject, asked.data_key
       FROM unnest($1::text[], $2::bytea[]) AS asked(subject, data_key)
      WHERE NOT EXISTS (SELECT 1 FROM personal_data_erasures e
                         WHERE e.subject = asked.subject)
     ON CONFLICT (subject) DO NOTHING
     RETURNING subject, data_key)
   SELECT subject, data_key FROM made
   UNION ALL
   SELECT subject, data_key FROM personal_data_keys
    WHERE subject = ANY($1)
   UNION ALL
   SELECT subject, NULL FROM personal_data_erasures
    WHERE subject = ANY($1)`,
);

/**
 * Advisory locks on subjects, in the order of their keys: shared by
 * automation copying a subject's personal data (`holdKeys`), exclusive for
 * its erasure (`deleteKeys`). Their keys are apart from the event store's
 * stream locks, and unlike a row lock they give a reading transaction no
 * id, which the log's readers would wait for.
 */
const lockSubjects = (lock: string) =>
  `SELECT ${lock}(keys.key) FROM (
     SELECT DISTINCT hashtextextended(
       'personal-data/' || current_schema() || '/' || subject, 0) AS key
       FROM unnest($1::text[]) AS subject
      ORDER BY 1) AS keys`;
const HOLD_SUBJECTS = lockSubjects('pg_advisory_xact_lock_shared');
const LOCK_SUBJECTS = lockSubjects('pg_advisory_xact_lock');

/** Every projection page with sealed personal data asks this. */
const EXISTING_KEYS = prepared(
  `SELECT subject, data_key FROM personal_data_keys
    WHERE subject = ANY($1) ORDER BY subject FOR SHARE`,
);

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
  private readonly makes: TurnBatcher<string, Buffer | null>;

  constructor(private readonly pool: Pool) {
    // Every new ticket makes a key; those made together go in one go.
    this.makes = new TurnBatcher((subjects) => this.makeOrFind(subjects), {
      maxSize: 200,
      maxRuns: 2,
      canJoin: (taken, subject) => !taken.includes(subject),
    });
  }

  /**
   * The subject's key, made on first use; null once the subject has been
   * erased, whose personal data is not to be kept again (a call-back
   * opened from a reporter's ticket as the reporter is erased).
   */
  keyFor(subject: string): Promise<Buffer | null> {
    return this.makes.submit(subject);
  }

  private async makeOrFind(subjects: string[]): Promise<(Buffer | null)[]> {
    // Made or found in one statement: the look-up beside the insert sees
    // keys committed before it, and the insert returns those it made.
    const { rows } = await this.pool.query<{
      subject: string;
      data_key: Buffer | null;
    }>(MAKE_OR_FIND_KEYS([subjects, subjects.map(() => newDataKey())]));
    const keys = new Map<string, Buffer>();
    const erased = new Set<string>();
    for (const row of rows) {
      if (row.data_key) keys.set(row.subject, row.data_key);
      else erased.add(row.subject);
    }
    return Promise.all(
      subjects.map(async (subject) => {
        if (erased.has(subject)) return null;
        // A key another writer made, committed after the statement began.
        const key = keys.get(subject) ?? (await this.existingKey(subject));
        if (!key) throw new Error(`The data key of ${subject} vanished`);
        return key;
      }),
    );
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
   * The keys of these subjects that exist, in one look-up; share-locked
   * as `existingKey` locks one.
   */
  async existingKeys(
    subjects: readonly string[],
    client: PoolClient,
  ): Promise<Map<string, Buffer>> {
    const { rows } = await client.query<{ subject: string; data_key: Buffer }>(
      EXISTING_KEYS([[...new Set(subjects)]]),
    );
    return new Map(rows.map((row) => [row.subject, row.data_key]));
  }

  /**
   * The subjects' keys, for copying their personal data elsewhere within
   * the caller's transaction: until it ends, an erasure of any of them
   * waits (`deleteKeys`), and then finds the copy to erase.
   */
  async holdKeys(
    subjects: readonly string[],
    client: PoolClient,
  ): Promise<Map<string, Buffer>> {
    if (subjects.length === 0) return new Map();
    await client.query(HOLD_SUBJECTS, [[...subjects]]);
    const { rows } = await client.query<{ subject: string; data_key: Buffer }>(
      'SELECT subject, data_key FROM personal_data_keys WHERE subject = ANY($1)',
      [[...subjects]],
    );
    return new Map(rows.map((row) => [row.subject, row.data_key]));
  }

  /**
   * Deletes the subjects' keys, once every copy of their data under way
   * (`holdKeys`) is written. The rows are locked in the order of their
   * names within one call, as a projection's page locks the keys it opens.
   */
  async deleteKeys(
    subjects: readonly string[],
    client: Queryable = this.pool,
  ): Promise<void> {
    if (subjects.length === 0) return;
    await client.query(LOCK_SUBJECTS, [[...subjects]]);
    await client.query(
      `DELETE FROM personal_data_keys WHERE subject IN (
         SELECT subject FROM personal_data_keys
          WHERE subject = ANY($1) ORDER BY subject FOR UPDATE)`,
      [[...subjects]],
    );
  }

  /**
   * Records who erased the subjects when; a subject erased before keeps
   * its first erasure. Answers with each subject's erasure, in order.
   */
  async recordErasures(
    subjects: readonly string[],
    erasedBy: Record<string, unknown>,
    client: Queryable = this.pool,
  ): Promise<Erasure[]> {
    await client.query(
      `INSERT INTO personal_data_erasures (subject, erased_by)
       SELECT subject, $2 FROM unnest($1::text[]) AS subject ORDER BY subject
       ON CONFLICT (subject) DO NOTHING`,
      [[...subjects], JSON.stringify(erasedBy)],
    );
    const { rows } = await client.query<{
      subject: string;
      erased_at: Date;
      erased_by: Record<string, unknown>;
    }>(
      `SELECT subject, erased_at, erased_by FROM personal_data_erasures
        WHERE subject = ANY($1)`,
      [[...subjects]],
    );
    const bySubject = new Map(rows.map((row) => [row.subject, row]));
    return subjects.map((subject) => {
      const row = bySubject.get(subject)!;
      return {
        subject,
        erasedAt: row.erased_at.toISOString(),
        erasedBy: row.erased_by,
      };
    });
  }
}
