import type { PoolClient } from 'pg';
import { createTestSchema } from '../../../../test/support/database';
import {
  commandBatch,
  idsOf,
  record,
  uniqueName,
} from '../testing/contract-fixtures';
import {
  startPostgresHarness,
  type PostgresHarness,
} from '../testing/postgres-harness';
import { NonAppendingTransactions } from './non-appending-transactions';

jest.setTimeout(60_000);

const nonAppending = new NonAppendingTransactions();
let harness: PostgresHarness;

beforeAll(async () => {
  harness = await startPostgresHarness(await createTestSchema('es_quiet'), {
    store: { nonAppending },
  });
  await harness.pool.query('CREATE TABLE read_model_rows (id text)');
});

afterAll(async () => {
  await harness.cleanup();
});

/**
 * Runs `body` while a transaction that has written (so it has an id) but
 * appended nothing stays open, named to the tail or not.
 */
async function whileOpen(
  named: boolean,
  body: () => Promise<void>,
): Promise<void> {
  const open: PoolClient = await harness.pool.connect();
  let id: string | undefined;
  try {
    await open.query('BEGIN');
    await open.query("INSERT INTO read_model_rows VALUES ('row')");
    const { rows } = await open.query<{ id: string }>(
      'SELECT pg_current_xact_id()::text AS id',
    );
    id = rows[0].id;
    if (named) nonAppending.add(id);
    await body();
  } finally {
    await open.query('COMMIT');
    if (id) nonAppending.delete(id);
    open.release();
  }
}

describe('the log tail beside transactions that append nothing', () => {
  it('delivers appends made while a named one is open', async () => {
    const prefix = uniqueName('quiet');
    const recorder = record(harness.store, {
      filter: { streamPrefixes: [prefix] },
    });
    const batch = commandBatch(1);

    await whileOpen(true, async () => {
      await harness.store.appendToStream(`${prefix}-a`, batch, {
        expectedRevision: 'no-stream',
      });
      // Still open: the tail has read past it.
      expect(idsOf(await recorder.waitFor(1))).toEqual(idsOf(batch));
    });
    await recorder.subscription.stop();
  });

  it('waits for one it was not told about, and then delivers', async () => {
    const prefix = uniqueName('unnamed');
    const filter = { streamPrefixes: [prefix] };
    const recorder = record(harness.store, { filter });
    const batch = commandBatch(1);

    await whileOpen(false, async () => {
      await harness.store.appendToStream(`${prefix}-a`, batch, {
        expectedRevision: 'no-stream',
      });
      // The same gate as every reader's: behind the open transaction.
      expect(await harness.store.readAll({ filter })).toEqual([]);
    });

    expect(idsOf(await recorder.waitFor(1))).toEqual(idsOf(batch));
    await recorder.subscription.stop();
  });
});
