import { prepared, type PreparedQuery } from '@opsdesk/platform';
import type { PoolClient } from 'pg';

/** `INSERT INTO table (a, b, c)`: what a caller gives as the head. */
const HEAD = /^\s*INSERT\s+INTO\s+(\S+)\s*\(([^)]*)\)\s*$/i;

/**
 * Column types by table name, read from the catalogue once per process.
 * Keyed by the bare name: every schema a process reaches holds the same
 * migrations, and a staging table's suffix makes its name its own.
 */
const columnTypesByTable = new Map<string, Promise<Map<string, string>>>();

/**
 * The statement for each head and tail, prepared (see `prepared`): its
 * text depends on them and the column types only, never on the rows.
 */
const statements = new Map<string, Promise<PreparedQuery>>();

/**
 * One INSERT for many rows: `head` is `INSERT INTO t (columns)`, `tail`
 * what follows the rows (an ON CONFLICT clause, or nothing). Each row's
 * values are in the columns' order. A row must not appear twice under an
 * ON CONFLICT DO UPDATE; the caller keeps one per key.
 *
 * The rows travel as one JSON array parameter and each value is cast to
 * its column's type on the server. A statement of `VALUES ($1, …)` with a
 * placeholder per value cost about twice as much for a page of a
 * thousand rows (the driver's and the server's work on every parameter),
 * and the protocol's 16-bit parameter count split big pages. Values keep
 * their meaning: strings, numbers, booleans, null, dates (as ISO text)
 * and JSON columns given as JSON text, as the driver would have sent them.
 */
export async function insertMany(
  client: PoolClient,
  head: string,
  tail: string,
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const statement = await statementFor(client, head, tail);
  await client.query(statement([JSON.stringify(rows)]));
}

function statementFor(
  client: PoolClient,
  head: string,
  tail: string,
): Promise<PreparedQuery> {
  return cachedOnce(statements, `${head}\n${tail}`, () =>
    buildStatement(client, head, tail),
  );
}

async function buildStatement(
  client: PoolClient,
  head: string,
  tail: string,
): Promise<PreparedQuery> {
  const parsed = HEAD.exec(head);
  if (!parsed) throw new Error(`insertMany: not an INSERT head: ${head}`);
  const [, table, columnList] = parsed;
  const columns = columnList.split(',').map((column) => column.trim());
  const types = await columnTypes(client, table);
  const casts = columns.map((column, index) => {
    const type = types.get(column);
    if (type === undefined || type.endsWith('[]')) {
      throw new Error(`insertMany: no scalar column ${table}.${column}`);
    }
    return `(r.value->>${index})::${type}`;
  });
  return prepared(
    `${head} SELECT ${casts.join(', ')}
       FROM jsonb_array_elements($1::jsonb) AS r ${tail}`,
  );
}

function columnTypes(
  client: PoolClient,
  table: string,
): Promise<Map<string, string>> {
  return cachedOnce(columnTypesByTable, table, () =>
    readColumnTypes(client, table),
  );
}

/**
 * The promise kept for `key`, made on first use. One that fails (its
 * table not made yet) is not kept: the next use makes it again.
 */
function cachedOnce<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  let kept = cache.get(key);
  if (!kept) {
    kept = make();
    cache.set(key, kept);
    kept.catch(() => cache.delete(key));
  }
  return kept;
}

async function readColumnTypes(
  client: PoolClient,
  table: string,
): Promise<Map<string, string>> {
  const { rows } = await client.query<{ name: string; type: string }>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type
       FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
    [table],
  );
  return new Map(rows.map((row) => [row.name, row.type]));
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
