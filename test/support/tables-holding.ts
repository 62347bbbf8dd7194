import type { Pool } from 'pg';

/**
 * The tables of `schema` with a row whose text holds `needle`, sorted:
 * where a name or phone is still kept, whatever column or JSON holds it.
 */
export async function tablesHolding(
  pool: Pool,
  schema: string,
  needle: string,
): Promise<string[]> {
  const { rows: tables } = await pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
    [schema],
  );
  const holding: string[] = [];
  for (const { table_name: table } of tables) {
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM "${table}" t WHERE t::text LIKE $1`,
      [`%${needle}%`],
    );
    if (Number(rows[0].n) > 0) holding.push(table);
  }
  return holding.sort();
}
