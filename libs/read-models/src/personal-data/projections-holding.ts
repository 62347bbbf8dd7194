import type { PoolClient } from 'pg';
import { createMoneyProcessProjections } from '../process-tickets/money-processes.projections';
import type { Projection, ReadModelProjectionOptions } from '../projection';
import { createStationFaultProjections } from '../station-fault/station-fault.projections';

/** The projections that may keep personal data of `subject` (a stream). */
export function projectionsHolding(
  subject: string,
  options: ReadModelProjectionOptions = {},
): Projection[] {
  return [
    ...createStationFaultProjections(options),
    ...createMoneyProcessProjections(options),
  ].filter(
    (p) =>
      p.erasePersonalData &&
      p.streamPrefixes.some((prefix) => subject.startsWith(prefix)),
  );
}

/** Those of the tables that exist in this schema. */
export async function existingTables(
  client: PoolClient,
  tables: readonly string[],
): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT name FROM unnest($1::text[]) AS name
      WHERE to_regclass(
        quote_ident(current_schema()) || '.' || quote_ident(name)) IS NOT NULL`,
    [tables],
  );
  return rows.map((row) => row.name);
}
