import { createTestSchema } from '../../../../test/support/database';
import {
  commandBatch,
  eventually,
  idsOf,
  record,
  uniqueName,
  type Recorder,
} from '../testing/contract-fixtures';
import {
  startPostgresHarness,
  type PostgresHarness,
} from '../testing/postgres-harness';

jest.setTimeout(60_000);

let harness: PostgresHarness;

beforeAll(async () => {
  harness = await startPostgresHarness(await createTestSchema('es_tail'), {
    // A small window, so that a test can leave a subscription behind it.
    store: { tailCapacity: 20, batchSize: 8, pollIntervalMs: 50 },
  });
});

afterAll(async () => {
  await harness.cleanup();
});

async function appendTo(stream: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let revision = 0; revision < count; revision++) {
    const batch = commandBatch(1);
    await harness.store.appendToStream(stream, batch, {
      expectedRevision: revision === 0 ? 'no-stream' : revision - 1,
    });
    ids.push(batch[0].eventId);
  }
  return ids;
}

/** Connections the store has taken from its pool and not given back. */
function checkedOut(): number {
  return harness.pool.totalCount - harness.pool.idleCount;
}

describe('subscriptions of one store', () => {
  it('hold one connection between them, however many there are', async () => {
    const prefix = uniqueName('tail');
    const recorders: Recorder[] = [];
    for (let i = 0; i < 12; i++) {
      recorders.push(
        record(harness.store, { filter: { streamPrefixes: [prefix] } }),
      );
    }
    const ids = await appendTo(`${prefix}-a`, 5);
    for (const recorder of recorders) await recorder.waitFor(5);

    expect(checkedOut()).toBe(1);
    for (const recorder of recorders) {
      expect(idsOf(recorder.events)).toEqual(ids);
    }
    await Promise.all(recorders.map((r) => r.subscription.stop()));
  });

  it('give every subscriber the same frozen event, which none can change', async () => {
    const prefix = uniqueName('tail');
    const first = record(harness.store, {
      filter: { streamPrefixes: [prefix] },
    });
    const second = record(harness.store, {
      filter: { streamPrefixes: [prefix] },
    });
    await appendTo(`${prefix}-a`, 1);
    const [a] = await first.waitFor(1);
    const [b] = await second.waitFor(1);
    await first.subscription.stop();
    await second.subscription.stop();

    expect(Object.isFrozen(a.data)).toBe(true);
    expect(() => {
      (a.data as Record<string, unknown>).changed = true;
    }).toThrow(TypeError);
    expect(b.data).not.toHaveProperty('changed');
  });
});

describe('a subscription further behind than the shared window', () => {
  it('catches up from the table, then follows the tail', async () => {
    const prefix = uniqueName('tail');
    // A running subscription keeps the tail reading.
    const keeper = record(harness.store, {
      filter: { streamPrefixes: [prefix] },
    });
    const early = await appendTo(`${prefix}-a`, 30);
    await keeper.waitFor(30);

    const late = record(harness.store, {
      filter: { streamPrefixes: [prefix] },
    });
    await late.waitFor(30);
    const more = await appendTo(`${prefix}-b`, 3);
    const seen = await late.waitFor(33);
    await keeper.subscription.stop();
    await late.subscription.stop();

    expect(idsOf(seen)).toEqual([...early, ...more]);
  });

  it('is given each event once when it joins the window mid-page', async () => {
    const prefix = uniqueName('tail');
    const ids = await appendTo(`${prefix}-a`, 25);
    const all = await eventually(
      () => harness.store.readAll({ filter: { streamPrefixes: [prefix] } }),
      (events) => events.length === 25,
    );

    const recorder = record(harness.store, {
      after: all[3].position,
      filter: { streamPrefixes: [prefix] },
    });
    const more = await appendTo(`${prefix}-b`, 4);
    const seen = await recorder.waitFor(25);
    await recorder.subscription.stop();

    expect(idsOf(seen)).toEqual([...ids.slice(4), ...more]);
  });
});
