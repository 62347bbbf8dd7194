import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { createPool, quoteIdentifier } from '@opsdesk/platform';

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A fresh schema in the test database for one test file. Refuses any
 * database whose name does not say it is for tests.
 */
export interface TestSchema {
  url: string;
  schema: string;
  pool: Pool;
  drop(): Promise<void>;
}

export async function createTestSchema(label = 't'): Promise<TestSchema> {
  const database = new URL(TEST_DATABASE_URL).pathname.slice(1);
  if (!/test/.test(database)) {
    throw new Error(`Refusing to run tests against database "${database}"`);
  }
  const worker = process.env.JEST_WORKER_ID ?? '0';
  const schema = `${label}_w${worker}_${randomBytes(4).toString('hex')}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  const pool = createPool(TEST_DATABASE_URL, schema);
  await pool.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
  return {
    url: TEST_DATABASE_URL,
    schema,
    pool,
    async drop() {
      await pool.query(
        `DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`,
      );
      await pool.end();
    },
  };
}
