import type { PoolClient } from 'pg';

// PostgreSQL's protocol counts a statement's parameters in 16 bits.
const MAX_PARAMETERS = 65_000;

/**
 * One INSERT for many rows (in as few statements as the protocol allows):
 * `head` is `INSERT INTO t (columns)`, `tail` what follows the VALUES
 * (an ON CONFLICT clause, or nothing). Each row's values are in the
 * columns' order. A row must not appear twice under an ON CONFLICT DO
 * UPDATE; the caller keeps one per key.
 */
export async function insertMany(
  client: PoolClient,
  head: string,
  tail: string,
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const width = rows[0].length;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / width));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const parameters: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = row.map((value) => {
        parameters.push(value);
        return `$${parameters.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await client.query(
      `${head} VALUES ${tuples.join(', ')} ${tail}`,
      parameters,
    );
  }
}

/** `ON CONFLICT (key) DO UPDATE SET` every other column. */
export function updateOnConflict(
  key: string,
  columns: readonly string[],
): string {
  const updates = columns
    .filter((column) => column !== key)
    .map((column) => `${column} = EXCLUDED.${column}`);
  return `ON CONFLICT (${key}) DO UPDATE SET ${updates.join(', ')}`;
}
