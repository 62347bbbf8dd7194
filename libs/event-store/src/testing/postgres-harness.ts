import { createPool, runMigrations } from '@opsdesk/platform';
import type { Pool } from 'pg';
import { postgresEventStoreMigrations } from '../postgres/event-store.migrations';
import {
  PostgresEventStore,
  type PostgresEventStoreOptions,
} from '../postgres/postgres-event-store';
import type { ContractHarness } from './contract-fixtures';

/** The shape of a fresh test schema (see `createTestSchema`). */
export interface TestSchemaLike {
  url: string;
  schema: string;
  /** A pool of the test's own, used here to terminate the store's backends. */
  pool: Pool;
  drop(): Promise<void>;
}

export interface PostgresHarness extends ContractHarness {
  store: PostgresEventStore;
  /** The store's pool: its connections carry `applicationName`. */
  pool: Pool;
  applicationName: string;
  dropConnections(): Promise<void>;
}

/**
 * A migrated PostgreSQL event store in a fresh schema, on a pool whose
 * application_name is unique to it, so that `dropConnections` can find
 * and terminate this store's backends and no other session's.
 */
export async function startPostgresHarness(
  schema: TestSchemaLike,
  options: { poolSize?: number; store?: PostgresEventStoreOptions } = {},
): Promise<PostgresHarness> {
  const applicationName = `opsdesk-es-${schema.schema}`.slice(0, 63);
  const pool = createPool(schema.url, schema.schema, {
    application_name: applicationName,
    max: options.poolSize ?? 10,
  });
  await runMigrations(pool, schema.schema, postgresEventStoreMigrations);
  const store = new PostgresEventStore(pool, {
    pollIntervalMs: 100,
    backoff: { initialMs: 20, maxMs: 500 },
    ...options.store,
  });
  return {
    store,
    pool,
    applicationName,
    dropConnections: () => terminateBackends(schema.pool, applicationName),
    async cleanup() {
      await store.close();
      await pool.end();
      await schema.drop();
    },
  };
}

async function terminateBackends(admin: Pool, applicationName: string) {
  const ours = `application_name = $1 AND datname = current_database()
    AND pid <> pg_backend_pid()`;
  await admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE ${ours}`,
    [applicationName],
  );
  // pg_terminate_backend only signals; wait until the backends are gone.
  for (let tries = 0; tries < 200; tries++) {
    const left = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${ours}`,
      [applicationName],
    );
    if (left.rows[0].n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
