import type { PoolClient } from 'pg';
import { createMoneyProcessProjections } from '../process-tickets/money-processes.projections';
import type { Projection } from '../projection';
import { createStationFaultProjections } from '../station-fault/station-fault.projections';
import { BACKUP_SUFFIX } from '../table-names';

/** PostgreSQL's undefined_table. */
const UNDEFINED_TABLE = '42P01';

/**
 * One subject's personal data (the subject is a stream name) out of the
 * tables a rebuild swapped out and kept (`rebuild --keep-backup`), where
 * they exist, in the caller's transaction: each projection that keeps
 * personal data scrubs its kept copy as it scrubs its live tables. A copy
 * the next rebuild drops meanwhile is gone anyway, and is let go.
 */
export async function eraseFromBackups(
  client: PoolClient,
  subject: string,
): Promise<void> {
  const options = { tableSuffix: BACKUP_SUFFIX };
  const holding = [
    ...createStationFaultProjections(options),
    ...createMoneyProcessProjections(options),
  ].filter(
    (p) =>
      p.erasePersonalData &&
      p.streamPrefixes.some((prefix) => subject.startsWith(prefix)),
  );
  const kept = await existingTables(
    client,
    holding.flatMap((p) => p.tables),
  );
  for (const projection of holding) {
    if (!projection.tables.every((table) => kept.has(table))) continue;
    await eraseFromCopy(client, projection, subject);
  }
}

async function existingTables(
  client: PoolClient,
  tables: readonly string[],
): Promise<Set<string>> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT name FROM unnest($1::text[]) AS name
      WHERE to_regclass(quote_ident(name)) IS NOT NULL`,
    [tables],
  );
  return new Set(rows.map((row) => row.name));
}

async function eraseFromCopy(
  client: PoolClient,
  projection: Projection,
  subject: string,
): Promise<void> {
  await client.query('SAVEPOINT erase_backup');
  try {
    await projection.erasePersonalData!(client, subject);
    await client.query('RELEASE SAVEPOINT erase_backup');
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT erase_backup');
    if ((error as { code?: string }).code !== UNDEFINED_TABLE) throw error;
  }
}
