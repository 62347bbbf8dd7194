import type { PoolClient } from 'pg';
import { createPool } from './postgres';
import {
  createTestSchema,
  type TestSchema,
} from '../../../test/support/database';

let db: TestSchema;

beforeAll(async () => {
  db = await createTestSchema('pool');
});

afterAll(async () => {
  await db.drop();
});

async function terminateBackendOf(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ pid: number }>(
    'SELECT pg_backend_pid() AS pid',
  );
  // Not events.once: it would reject on the 'error' this test is about.
  const ended = new Promise((resolve) => client.once('end', resolve));
  await db.pool.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
  await ended;
}

describe('a pooled client that loses its server while checked out', () => {
  // Between two queries of a transaction nobody is waiting on the client,
  // and pg emits the server's goodbye as an 'error' event: without a
  // listener of the pool's, that event ends the whole process.
  it('fails its next query instead of crashing the process', async () => {
    const client = await db.pool.connect();
    await client.query('BEGIN');
    await terminateBackendOf(client);

    await expect(client.query('SELECT 1')).rejects.toThrow();
    client.release();
  });

  it('is told to the pool owner once', async () => {
    const lost: Error[] = [];
    const pool = createPool(db.url, db.schema, { max: 1 }, (error) =>
      lost.push(error),
    );
    try {
      const client = await pool.connect();
      await terminateBackendOf(client);
      client.release();
      expect(lost).toHaveLength(1);
      expect(lost[0].message).toMatch(/terminating connection/);
    } finally {
      await pool.end();
    }
  });

  it('is dropped from the pool on release; the next checkout works', async () => {
    const client = await db.pool.connect();
    await terminateBackendOf(client);
    client.release();

    const { rows } = await db.pool.query<{ one: number }>('SELECT 1 AS one');
    expect(rows).toEqual([{ one: 1 }]);
    expect(db.pool.totalCount).toBeLessThanOrEqual(1);
  });
});
