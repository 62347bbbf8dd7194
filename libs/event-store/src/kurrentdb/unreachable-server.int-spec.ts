import { afterAll, describe, expect, it } from '@jest/globals';
import { closedPort } from '../../../../test/support/closed-port';
import { createLogger } from '@opsdesk/platform';
import { commandBatch, uniqueName } from '../testing/contract-fixtures';
import { connectKurrentDb, probeKurrentDb } from './kurrentdb-connection';
import { KurrentDbEventStore } from './kurrentdb-event-store';

// The real client, against a port where no server answers: what the
// adapter makes of the client's own connection failures.
describe('a KurrentDB store whose server does not answer', () => {
  let store: KurrentDbEventStore;
  let url: string;

  afterAll(async () => {
    await store?.close();
  });

  it('fails an append as EVENT_STORE_UNAVAILABLE', async () => {
    url = `kurrentdb://127.0.0.1:${await closedPort()}?tls=false`;
    store = new KurrentDbEventStore(connectKurrentDb(url), {
      appendRetry: { attempts: 1, initialMs: 1 },
    });

    const error = await store
      .appendToStream(uniqueName('down'), commandBatch(1), {
        expectedRevision: 'no-stream',
      })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'EVENT_STORE_UNAVAILABLE' });
  });

  it('fails reads as EVENT_STORE_UNAVAILABLE', async () => {
    await expect(store.readStream(uniqueName('down'))).rejects.toMatchObject({
      code: 'EVENT_STORE_UNAVAILABLE',
    });
    await expect(store.readAll({ maxCount: 1 })).rejects.toMatchObject({
      code: 'EVENT_STORE_UNAVAILABLE',
    });
  });

  it('keeps a subscription retrying instead of ending it', async () => {
    const lines: string[] = [];
    const logger = createLogger('test', 'warn', {
      write: (line: string) => lines.push(line),
    });
    const retrying = new KurrentDbEventStore(connectKurrentDb(url), {
      logger,
      backoff: { initialMs: 10, maxMs: 20 },
    });
    const errors: unknown[] = [];
    const subscription = retrying.subscribeToAll({
      onEvent: async () => undefined,
      onError: (error) => errors.push(error),
    });
    const retries = () =>
      lines.filter((l) => l.includes('read failed, retrying')).length;
    const deadline = Date.now() + 10_000;
    while (retries() < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await subscription.stop();
    await retrying.close();

    expect(retries()).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
  });

  it('fails the start-up probe with the client’s error', async () => {
    const connection = connectKurrentDb(url);
    try {
      await expect(probeKurrentDb(connection, 3000)).rejects.toBeInstanceOf(
        Error,
      );
    } finally {
      await connection.dispose();
    }
  });
});
