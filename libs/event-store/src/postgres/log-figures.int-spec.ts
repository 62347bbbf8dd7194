import { createTestSchema } from '../../../../test/support/database';
import {
  startPostgresHarness,
  type PostgresHarness,
} from '../testing/postgres-harness';
import { countEventsBehind, readLogFigures } from './log-figures';

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

describe('the events a consumer has still to take', () => {
  /** The checkpoint a consumer holds after taking `stream`'s event. */
  async function placeOf(stream: string): Promise<string> {
    const { rows } = await harness.pool.query<{ place: string }>(
      `SELECT tx_id::text || '/' || position::text AS place
         FROM events WHERE stream_name = $1`,
      [stream],
    );
    return rows[0].place;
  }

  beforeAll(async () => {
    for (const stream of ['t-a-1', 't-b-1', 't-a-2', 't-a-3', 't-b-2']) {
      await storeEvent(stream, 0);
    }
  });

  it('counts only the events of its own streams past its checkpoint', async () => {
    const behind = await countEventsBehind(harness.pool, [
      { name: 'a', after: await placeOf('t-a-1'), streamPrefixes: ['t-a-'] },
      { name: 'b', after: null, streamPrefixes: ['t-b-'] },
      {
        name: 'both, up to date',
        after: await placeOf('t-b-2'),
        streamPrefixes: ['t-a-', 't-b-'],
      },
      {
        name: 'overlapping prefixes',
        after: await placeOf('t-a-1'),
        streamPrefixes: ['t-', 't-a-'],
      },
      { name: 'no prefix', after: null, streamPrefixes: [] },
    ]);

    expect(Object.fromEntries(behind)).toEqual({
      a: 2,
      b: 2,
      'both, up to date': 0,
      'overlapping prefixes': 4,
      'no prefix': 0,
    });
  });

  it('looks only as far as its window', async () => {
    const consumer = {
      name: 'a',
      after: await placeOf('t-a-1'),
      streamPrefixes: ['t-a-'],
    };

    // The log's newest two events are t-a-3 and t-b-2.
    expect(
      (await countEventsBehind(harness.pool, [consumer], 2)).get('a'),
    ).toBe(1);
    expect(
      (await countEventsBehind(harness.pool, [consumer], 1)).get('a'),
    ).toBe(0);
  });

  it('leaves out a consumer whose checkpoint is no place in the log, and counts the rest', async () => {
    const behind = await countEventsBehind(harness.pool, [
      { name: 'a', after: await placeOf('t-a-1'), streamPrefixes: ['t-a-'] },
      { name: 'edited', after: 'bogus', streamPrefixes: ['t-a-'] },
    ]);

    expect(Object.fromEntries(behind)).toEqual({ a: 2 });
  });

  it('reads nothing for no consumer', async () => {
    expect((await countEventsBehind(harness.pool, [])).size).toBe(0);
  });
});
