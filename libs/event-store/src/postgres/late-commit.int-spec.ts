import type { PoolClient } from 'pg';
import { createTestSchema } from '../../../../test/support/database';
import type { NewEvent } from '../event-store.port';
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
import { appendInTransaction } from './append-in-transaction';
import { decodePosition } from './global-position';

jest.setTimeout(60_000);

let harness: PostgresHarness;

beforeAll(async () => {
  harness = await startPostgresHarness(await createTestSchema('es_late'));
});

afterAll(async () => {
  await harness.cleanup();
});

/** Appends one single-event command to each stream, one after the other. */
async function appendOneEach(streams: readonly string[]): Promise<NewEvent[]> {
  const appended: NewEvent[] = [];
  for (const stream of streams) {
    const batch = commandBatch(1);
    await harness.store.appendToStream(stream, batch, {
      expectedRevision: 'no-stream',
    });
    appended.push(...batch);
  }
  return appended;
}

/**
 * Runs `body` while `held` has appended in a transaction that stays
 * open; the transaction ends with `outcome` whatever the body does.
 */
async function whileHeld(
  stream: string,
  events: NewEvent[],
  outcome: 'COMMIT' | 'ROLLBACK',
  body: () => Promise<void>,
): Promise<void> {
  const held: PoolClient = await harness.pool.connect();
  let ended = false;
  try {
    await held.query('BEGIN');
    await appendInTransaction(held, stream, events, {
      expectedRevision: 'no-stream',
    });
    await body();
    await held.query(outcome);
    ended = true;
  } finally {
    if (!ended) await held.query('ROLLBACK').catch(() => undefined);
    held.release();
  }
}

describe('a transaction that appends and stays open while later ones commit', () => {
  it('holds the later events back and finally delivers every event once, in commit order', async () => {
    const prefix = uniqueName('late');
    const filter = { streamPrefixes: [prefix] };
    const recorder = record(harness.store, { filter });
    const before = await appendOneEach([`${prefix}-before`]);
    await recorder.waitFor(1);
    const late = commandBatch(1);
    let later: NewEvent[] = [];

    await whileHeld(`${prefix}-late`, late, 'COMMIT', async () => {
      later = await appendOneEach(
        [1, 2, 3, 4, 5].map((i) => `${prefix}-later-${i}`),
      );
      // Committed, but behind an open transaction: not readable yet.
      expect(idsOf(await harness.store.readAll({ filter }))).toEqual(
        idsOf(before),
      );
      expect(idsOf(recorder.events)).toEqual(idsOf(before));
    });
    const seen = await recorder.waitFor(7);
    await recorder.subscription.stop();

    const expected = idsOf([...before, ...late, ...later]);
    expect(idsOf(seen)).toEqual(expected);
    expect(idsOf(await harness.store.readAll({ filter }))).toEqual(expected);
    // The late event was numbered before the later ones yet committed
    // after them: a reader by position alone would have skipped it.
    const rowOf = (i: number) => decodePosition(seen[i].position).position;
    expect(rowOf(1) < rowOf(2)).toBe(true);
  });
});

describe('a transaction that appends, stays open, then rolls back', () => {
  it('leaves no hole: the later events arrive and the stream stays empty', async () => {
    const prefix = uniqueName('rollback');
    const filter = { streamPrefixes: [prefix] };
    const recorder = record(harness.store, { filter });
    const doomedStream = `${prefix}-doomed`;
    let later: NewEvent[] = [];

    await whileHeld(doomedStream, commandBatch(2), 'ROLLBACK', async () => {
      later = await appendOneEach([1, 2, 3].map((i) => `${prefix}-later-${i}`));
      expect(await harness.store.readAll({ filter })).toEqual([]);
    });
    const seen = await recorder.waitFor(3);
    await recorder.subscription.stop();

    expect(idsOf(seen)).toEqual(idsOf(later));
    expect(idsOf(await harness.store.readAll({ filter }))).toEqual(
      idsOf(later),
    );
    expect(await harness.store.readStream(doomedStream)).toEqual([]);
    const reborn = await harness.store.appendToStream(
      doomedStream,
      commandBatch(1),
      { expectedRevision: 'no-stream' },
    );
    expect(reborn.nextExpectedRevision).toBe(0);
  });
});
