import { createTestSchema } from '../../../../test/support/database';
import {
  startPostgresHarness,
  type PostgresHarness,
} from '../testing/postgres-harness';
import { readLogFigures } from './log-figures';

let harness: PostgresHarness;

beforeAll(async () => {
  harness = await startPostgresHarness(await createTestSchema('es_figures'));
});

afterAll(async () => {
  await harness.cleanup();
});

/** One event, recorded `secondsAgo` before now, in a transaction of its own. */
async function storeEvent(stream: string, secondsAgo: number): Promise<void> {
  await harness.pool.query(
    `INSERT INTO events (stream_name, revision, event_id, command_id, type,
       schema_version, data, metadata, recorded_at, hash, previous_hash)
     VALUES ($1, 0, gen_random_uuid(), 'figures', 'Probe', 1, '{}', '{}',
       now() - make_interval(secs => $2), repeat('a', 64), repeat('0', 64))`,
    [stream, secondsAgo],
  );
}

describe('the log’s figures', () => {
  it('have no newest event for an empty log', async () => {
    expect((await readLogFigures(harness.pool)).newestEventAgeSeconds).toBe(
      null,
    );
  });

  it('age the newest event by log order, not the oldest', async () => {
    await storeEvent('figures-a', 3600);
    await storeEvent('figures-b', 60);

    const { newestEventAgeSeconds } = await readLogFigures(harness.pool);

    expect(newestEventAgeSeconds).toBeGreaterThanOrEqual(60);
    expect(newestEventAgeSeconds).toBeLessThan(600);
  });

  it('count how long a transaction that wrote has held the readers back', async () => {
    const writer = await harness.pool.connect();
    try {
      await writer.query('BEGIN');
      await writer.query('SELECT pg_current_xact_id()');
      await new Promise((resolve) => setTimeout(resolve, 1_200));

      const { oldestWriteTransactionSeconds } = await readLogFigures(
        harness.pool,
      );

      expect(oldestWriteTransactionSeconds).toBeGreaterThanOrEqual(1.1);
    } finally {
      await writer.query('ROLLBACK');
      writer.release();
    }
  });
});
