import { describe, expect, it } from '@jest/globals';
import { NO_STREAM } from '@kurrent/kurrentdb-client';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { commandBatch, uniqueName } from '../testing/contract-fixtures';
import { FakeKurrentDb } from '../testing/fake-kurrentdb';
import {
  KURRENTDB_CONTRACT_OPTIONS,
  storedRowsIn,
} from '../testing/kurrentdb-harness';
import { describeUpcastingOver } from '../testing/upcasting.contract';
import { KurrentDbEventStore } from './kurrentdb-event-store';

function storeOn(fake: FakeKurrentDb) {
  return new KurrentDbEventStore(fake, {
    pollIntervalMs: 50,
    backoff: { initialMs: 5, maxMs: 100 },
    appendRetry: { attempts: 3, initialMs: 1 },
  });
}

// The adapter's logic against a stand-in for the server; the same suite
// runs against a real KurrentDB in kurrentdb-event-store.int-spec.ts.
describeEventStoreContract(
  'kurrentdb (stand-in server)',
  async () => {
    const fake = new FakeKurrentDb();
    const store = storeOn(fake);
    return {
      store,
      cleanup: () => store.close(),
      dropConnections: async () => fake.dropSubscriptions(),
    };
  },
  KURRENTDB_CONTRACT_OPTIONS,
);

describeUpcastingOver('kurrentdb (stand-in server)', async () => {
  const fake = new FakeKurrentDb();
  const store = storeOn(fake);
  return {
    store,
    storedRows: (stream) => storedRowsIn(fake, stream),
    cleanup: () => store.close(),
  };
});

describe('a KurrentDB append whose answer is lost', () => {
  it('resends the identical batch with the identical expected revision and stores it once', async () => {
    const fake = new FakeKurrentDb();
    const store = storeOn(fake);
    const stream = uniqueName('lost');
    await store.appendToStream(stream, commandBatch(1), {
      expectedRevision: 'no-stream',
    });
    const batch = commandBatch(2);
    fake.failAppends('lost-answer', 'lost-request');
    const before = fake.appendCalls.length;

    const result = await store.appendToStream(stream, batch, {
      expectedRevision: 'any',
    });

    const calls = fake.appendCalls.slice(before);
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => c.streamState)).toEqual([0n, 0n, 0n]);
    expect(new Set(calls.map((c) => c.batch)).size).toBe(1);
    expect(result).toMatchObject({
      nextExpectedRevision: 2,
      alreadyAppended: false,
    });
    const stored = await store.readStream(stream);
    expect(stored.map((e) => e.eventId)).toEqual([
      stored[0].eventId,
      ...batch.map((e) => e.eventId),
    ]);
    expect(stored[2].position).toBe(result.position);
    await store.close();
  });

  it('gives up after the bounded resends with a transient error, and the retry finds the batch stored', async () => {
    const fake = new FakeKurrentDb();
    const store = storeOn(fake);
    const stream = uniqueName('lost');
    const batch = commandBatch(2);
    fake.failAppends(
      'lost-answer',
      'lost-answer',
      'lost-answer',
      'lost-answer',
    );

    const error = await store
      .appendToStream(stream, batch, { expectedRevision: 'no-stream' })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'EVENT_STORE_UNAVAILABLE' });
    expect(fake.appendCalls.map((c) => c.streamState)).toEqual([
      NO_STREAM,
      NO_STREAM,
      NO_STREAM,
      NO_STREAM,
    ]);
    const again = await store.appendToStream(stream, batch, {
      expectedRevision: 'no-stream',
    });
    expect(again).toMatchObject({
      alreadyAppended: true,
      nextExpectedRevision: 1,
    });
    expect(await store.readStream(stream)).toHaveLength(2);
    await store.close();
  });
});

describe('a KurrentDB subscription whose server subscription is dropped', () => {
  it('opens a new one from its last delivered position', async () => {
    const fake = new FakeKurrentDb();
    const store = storeOn(fake);
    const prefix = uniqueName('drop');
    const seen: string[] = [];
    const subscription = store.subscribeToAll({
      filter: { streamPrefixes: [prefix] },
      onEvent: async (event) => {
        seen.push(event.eventId);
      },
    });
    const first = commandBatch(2);
    await store.appendToStream(`${prefix}-a`, first, {
      expectedRevision: 'no-stream',
    });
    await until(() => seen.length === 2);

    store.interruptSubscriptions();
    const second = commandBatch(1);
    await store.appendToStream(`${prefix}-a`, second, {
      expectedRevision: 1,
    });
    await until(() => seen.length === 3);
    await subscription.stop();

    expect(seen).toEqual([...first, ...second].map((e) => e.eventId));
    expect(fake.openSubscriptions).toBe(0);
    await store.close();
  });
});

async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
