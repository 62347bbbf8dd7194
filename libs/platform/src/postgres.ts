import { Pool, type PoolConfig } from 'pg';

/**
 * A pool whose connections all use one schema (created if missing).
 * `onConnectionLost` hears of each connection the server or the network
 * ends (once per connection, idle or checked out).
 */
export function createPool(
  databaseUrl: string,
  schema: string,
  extra: PoolConfig = {},
  onConnectionLost: (error: Error) => void = () => undefined,
): Pool {
  const pool = new Pool({
    connectionString: databaseUrl,
    options: `-c search_path=${quoteIdentifier(schema)},public`,
    max: 10,
    ...extra,
  });
  // An idle client that loses its server emits here too; without a
  // listener the whole process would crash. The next query reconnects.
  // (Heard once, by the client's own listener below.)
  pool.on('error', () => undefined);
  // A checked-out client has no listener of the pool's: one that loses its
  // server between two queries (mid-transaction, say) would crash the
  // process too. With this one its next query fails instead, and the pool
  // drops it when it is released.
  pool.on('connect', (client) => {
    // The server's goodbye and the closed socket come as two errors.
    let told = false;
    client.on('error', (error) => {
      if (told) return;
      told = true;
      onConnectionLost(error);
    });
  });
  return pool;
}

export function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`Unsafe SQL identifier: ${name}`);
  }
  return `"${name}"`;
}

export interface Migration {
  /** Unique and stable, e.g. `event-store/001-events`. */
  id: string;
  sql: string;
}

/**
 * Applies migrations not yet recorded, in order, each in its own
 * transaction. An advisory lock keeps two starting processes from racing.
 */
export async function runMigrations(
  pool: Pool,
  schema: string,
  migrations: readonly Migration[],
): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query(
      `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`,
    );
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [
      `opsdesk-migrations:${schema}`,
    ]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${quoteIdentifier(schema)}.schema_migrations (
         id text PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = await client.query<{ id: string }>(
      `SELECT id FROM ${quoteIdentifier(schema)}.schema_migrations`,
    );
    const seen = new Set(done.rows.map((r) => r.id));
    for (const migration of migrations) {
      if (seen.has(migration.id)) continue;
      await client.query('BEGIN');
      try {
        await client.query(
          `SET LOCAL search_path = ${quoteIdentifier(schema)}`,
        );
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO ${quoteIdentifier(schema)}.schema_migrations (id) VALUES ($1)`,
          [migration.id],
        );
        await client.query('COMMIT');
        applied.push(migration.id);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client
      .query('SELECT pg_advisory_unlock(hashtext($1))', [
        `opsdesk-migrations:${schema}`,
      ])
      .catch(() => undefined);
    client.release();
  }
  return applied;
}
