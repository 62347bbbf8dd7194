import { randomBytes } from 'node:crypto';
import { createPool, quoteIdentifier } from '@opsdesk/platform';
import { Client, type Pool } from 'pg';
import { onInterrupt } from './cleanup';

const SERVER_URL =
  process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

/** Never `postgres` (whose `opsdesk` schema `npm start` uses) nor `test`. */
export const BENCH_DATABASE = 'opsdesk_bench';
export const BENCH_DATABASE_URL = `${SERVER_URL}/${BENCH_DATABASE}`;

export interface BenchSchema {
  schema: string;
  url: string;
  /** The URL with the schema as search_path, for clients that take a URL. */
  schemaUrl: string;
  pool: Pool;
  drop(): Promise<void>;
}

/** Creates the bench database on the local server if it is missing. */
export async function ensureBenchDatabase(): Promise<void> {
  const client = new Client({ connectionString: `${SERVER_URL}/postgres` });
  await client.connect();
  try {
    const found = await client.query(
      'SELECT 1 FROM pg_database WHERE datname = $1',
      [BENCH_DATABASE],
    );
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdentifier(BENCH_DATABASE)}`);
    }
  } finally {
    await client.end();
  }
}

export function schemaUrlOf(schema: string): string {
  const options = encodeURIComponent(`-c search_path=${schema},public`);
  return `${BENCH_DATABASE_URL}?options=${options}`;
}

/** A fresh schema in the bench database, dropped by `drop()`. */
export async function createBenchSchema(
  label: string,
  poolSize = 10,
): Promise<BenchSchema> {
  const schema = `bench_${label}_${randomBytes(4).toString('hex')}`;
  const pool = createPool(BENCH_DATABASE_URL, schema, { max: poolSize });
  await pool.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
  let dropped = false;
  const drop = async () => {
    // Twice when an interruption's cleanup and the part's own both run.
    if (dropped) return;
    dropped = true;
    forget();
    await pool.query(
      `DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`,
    );
    await pool.end();
  };
  const forget = onInterrupt(drop);
  return {
    schema,
    url: BENCH_DATABASE_URL,
    schemaUrl: schemaUrlOf(schema),
    pool,
    drop,
  };
}
