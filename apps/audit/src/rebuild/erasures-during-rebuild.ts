import type { Projection } from '@opsdesk/read-models';
import type { Pool, PoolClient } from 'pg';

/**
 * The subjects erased so far. Taken before the rebuild reads its first
 * page: an erasure in this set had destroyed its key by then, so no page
 * opens that subject's data, and only erasures outside it can have been
 * made after a page had already stored their data in a staging table.
 */
export async function erasedSubjects(pool: Pool): Promise<Set<string>> {
  const { rows } = await pool.query<{ subject: string }>(
    'SELECT subject FROM personal_data_erasures',
  );
  return new Set(rows.map((row) => row.subject));
}

/**
 * Inside the swap, before the renames: scrubs from the staging tables
 * every subject erased since `before` was taken. An erasure scrubs only
 * the live tables, which the swap is about to rename away.
 *
 * The share lock waits for an erasure in flight and holds back the next
 * until the swap commits; that one then finds the new tables under the
 * live names and scrubs them itself. It is taken after the catch-up: an
 * erasure deletes its keys before it records itself, and the catch-up's
 * pages lock the keys they open, so the other order would deadlock the
 * two. A deadlock through a third party (the live runner's shared page
 * waiting on this swap's checkpoint row while holding a row the erasure
 * waits for) remains possible; `swapIn` then tries again.
 *
 * An erasure scrubs the live tables and the `__previous` tables
 * `--keep-backup` keeps (eraseFromBackups), and drops the staging tables
 * of a rebuild that failed or was stopped (dropStagingLeftovers); a
 * running rebuild holds its lock and fills its own, which this swap
 * scrubs.
 */
export async function eraseSinceStart(
  client: PoolClient,
  staging: Projection,
  before: ReadonlySet<string>,
): Promise<void> {
  if (!staging.erasePersonalData) return;
  await client.query('LOCK TABLE personal_data_erasures IN SHARE MODE');
  const { rows } = await client.query<{ subject: string }>(
    'SELECT subject FROM personal_data_erasures',
  );
  const since = rows
    .map((row) => row.subject)
    .filter(
      (subject) =>
        !before.has(subject) &&
        staging.streamPrefixes.some((prefix) => subject.startsWith(prefix)),
    );
  for (const subject of since) {
    await staging.erasePersonalData(client, subject);
  }
}
