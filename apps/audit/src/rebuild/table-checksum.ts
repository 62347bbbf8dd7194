import { inTransaction } from '@opsdesk/platform';
import type { Pool } from 'pg';

export interface TableChecksum {
  table: string;
  rows: number;
  /** md5 over the md5 of every row's text, rows in text order. */
  checksum: string;
}

/**
 * A checksum of a table's ordered rows, to compare two builds of one read
 * model. The text of a row depends on session settings (time zone, date
 * style), so those are fixed for the query.
 */
export async function tableChecksum(
  pool: Pool,
  table: string,
): Promise<TableChecksum> {
  return inTransaction(pool, async (client) => {
    await client.query(`SET LOCAL TimeZone = 'UTC'`);
    await client.query(`SET LOCAL DateStyle = 'ISO, YMD'`);
    await client.query(`SET LOCAL IntervalStyle = 'iso_8601'`);
    await client.query('SET LOCAL extra_float_digits = 1');
    const { rows } = await client.query<{ rows: string; checksum: string }>(
      `SELECT count(*)::text AS rows,
              md5(coalesce(string_agg(md5(r::text), '' ORDER BY r::text), ''))
                AS checksum
         FROM ${table} AS r`,
    );
    return { table, rows: Number(rows[0].rows), checksum: rows[0].checksum };
  });
}
