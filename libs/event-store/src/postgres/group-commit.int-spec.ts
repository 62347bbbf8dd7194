import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import { WrongExpectedRevisionError } from '../event-store.errors';
import { verifyChain } from '../hash-chain';
import { commandBatch, uniqueName } from '../testing/contract-fixtures';
import {
  startPostgresHarness,
  type PostgresHarness,
} from '../testing/postgres-harness';
import { PostgresEventStore } from './postgres-event-store';

jest.setTimeout(60_000);

let schema: TestSchema;
let harness: PostgresHarness;

beforeAll(async () => {
  schema = await createTestSchema('es_group');
  harness = await startPostgresHarness(schema);
});

afterAll(async () => {
  await harness.cleanup();
});

async function transactionsOf(streams: readonly string[]): Promise<number> {
  const { rows } = await harness.pool.query<{ n: string }>(
    `SELECT count(DISTINCT tx_id)::text AS n FROM events
      WHERE stream_name = ANY($1)`,
    [streams],
  );
  return Number(rows[0].n);
}

describe('appends to many streams at once', () => {
  it('share transactions, and each is stored', async () => {
    const streams = Array.from({ length: 30 }, () => uniqueName('group'));

    const results = await Promise.all(
      streams.map((stream) =>
        harness.store.appendToStream(stream, commandBatch(2), {
          expectedRevision: 'no-stream',
        }),
      ),
    );

    expect(results.map((r) => r.nextExpectedRevision)).toEqual(
      streams.map(() => 1),
    );
    // Two calls leave at once; the rest wait for them and go together.
    expect(await transactionsOf(streams)).toBeLessThanOrEqual(4);
    for (const stream of streams) {
      expect(await harness.store.readStream(stream)).toHaveLength(2);
    }
  });

  it('fail only the append the server refuses', async () => {
    const streams = Array.from({ length: 12 }, () => uniqueName('group'));
    const bad = streams[7];

    const settled = await Promise.allSettled(
      streams.map((stream) =>
        harness.store.appendToStream(
          stream,
          commandBatch(1, () => ({ text: stream === bad ? 'a\u0000b' : 'ok' })),
          { expectedRevision: 'no-stream' },
        ),
      ),
    );

    expect(settled.map((s) => s.status)).toEqual(
      streams.map((s) => (s === bad ? 'rejected' : 'fulfilled')),
    );
    expect(settled[7]).toMatchObject({
      reason: { code: 'INVALID_APPEND', reason: 'unstorable-value' },
    });
    expect(await harness.store.readStream(bad)).toEqual([]);
  });

  it('let exactly one of several writers of one stream append at a revision', async () => {
    const stream = uniqueName('group');
    await harness.store.appendToStream(stream, commandBatch(1), {
      expectedRevision: 'no-stream',
    });

    const settled = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        harness.store.appendToStream(stream, commandBatch(1), {
          expectedRevision: 0,
        }),
      ),
    );

    const won = settled.filter((s) => s.status === 'fulfilled');
    const lost = settled.flatMap((s) =>
      s.status === 'rejected' ? [s.reason] : [],
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(5);
    for (const error of lost) {
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ expected: 0, actual: 1 });
    }
  });
});

describe('a store whose remembered head another writer moved', () => {
  let other: PostgresEventStore;

  beforeAll(() => {
    other = new PostgresEventStore(harness.pool);
  });

  afterAll(async () => {
    await other.close();
  });

  it('chains on the actual head for any, and the chain verifies', async () => {
    const stream = uniqueName('group');
    await harness.store.appendToStream(stream, commandBatch(1), {
      expectedRevision: 'no-stream',
    });
    // The other store appends twice; the first still remembers revision 0.
    await other.appendToStream(stream, commandBatch(2), {
      expectedRevision: 'any',
    });

    const result = await harness.store.appendToStream(stream, commandBatch(1), {
      expectedRevision: 'any',
    });

    expect(result.nextExpectedRevision).toBe(3);
    expect(verifyChain(await harness.store.readStream(stream))).toEqual({
      ok: true,
    });
  });

  it('refuses a stale exact revision with the actual one', async () => {
    const stream = uniqueName('group');
    await harness.store.appendToStream(stream, commandBatch(1), {
      expectedRevision: 'no-stream',
    });
    await other.appendToStream(stream, commandBatch(1), {
      expectedRevision: 0,
    });

    const refused = harness.store.appendToStream(stream, commandBatch(1), {
      expectedRevision: 0,
    });

    await expect(refused).rejects.toMatchObject({
      code: 'WRONG_EXPECTED_REVISION',
      expected: 0,
      actual: 1,
    });
  });

  it('appends at the revision it was told, once it learns the head', async () => {
    const stream = uniqueName('group');
    await harness.store.appendToStream(stream, commandBatch(1), {
      expectedRevision: 'no-stream',
    });
    await other.appendToStream(stream, commandBatch(1), {
      expectedRevision: 0,
    });

    const result = await harness.store.appendToStream(stream, commandBatch(1), {
      expectedRevision: 1,
    });

    expect(result).toMatchObject({
      nextExpectedRevision: 2,
      alreadyAppended: false,
    });
    expect(verifyChain(await harness.store.readStream(stream))).toEqual({
      ok: true,
    });
  });
});
