import type { PoolClient } from 'pg';
import type { Projection } from '../projection';
import { BACKUP_SUFFIX } from '../table-names';
import { existingTables, projectionsHolding } from './projections-holding';

/** PostgreSQL's undefined_table. */
const UNDEFINED_TABLE = '42P01';

/**
 * One subject's personal data (the subject is a stream name) out of the
 * tables a rebuild swapped out and kept (`rebuild --keep-backup`), in the
 * caller's transaction: each projection that keeps personal data scrubs
 * its kept copy as it scrubs its live tables. A copy missing some of its
 * tables (a drop that stopped part-way, a table added since) cannot be
 * scrubbed by the projection nor swapped back whole: it is dropped rather
 * than left holding the data.
 */
export async function eraseFromBackups(
  client: PoolClient,
  subject: string,
): Promise<void> {
  const holding = projectionsHolding(subject, { tableSuffix: BACKUP_SUFFIX });
  for (const projection of holding) {
    await eraseFromCopy(client, projection, subject);
  }
}

/** Tries again if the next rebuild drops a table of the copy meanwhile. */
async function eraseFromCopy(
  client: PoolClient,
  projection: Projection,
  subject: string,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const kept = await existingTables(client, projection.tables);
    if (kept.length === 0) return;
    await client.query('SAVEPOINT erase_backup');
    try {
      if (kept.length === projection.tables.length) {
        await projection.erasePersonalData!(client, subject);
      } else {
        await client.query(`DROP TABLE ${kept.join(', ')}`);
      }
      await client.query('RELEASE SAVEPOINT erase_backup');
      return;
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT erase_backup');
      const gone = (error as { code?: string }).code === UNDEFINED_TABLE;
      if (!gone || attempt >= 3) throw error;
    }
  }
}
