import { randomInt } from 'node:crypto';
import { createTestSchema } from '../../../../test/support/database';
import type { RecordedEvent } from '../event-store.port';
import {
  commandBatch,
  eventually,
  idsOf,
  record,
} from '../testing/contract-fixtures';
import {
  startPostgresHarness,
  type PostgresHarness,
} from '../testing/postgres-harness';
import { appendInTransaction } from './append-in-transaction';

const WRITERS = 16;
const STREAMS = 64;
const TARGET_EVENTS = 20_000;
const ROLLBACK_PERCENT = 2;

jest.setTimeout(180_000);

let harness: PostgresHarness;

beforeAll(async () => {
  harness = await startPostgresHarness(await createTestSchema('es_writers'), {
    poolSize: WRITERS + 2,
  });
});

afterAll(async () => {
  await harness.cleanup();
});

interface Tally {
  committed: Set<string>;
  rolledBack: Set<string>;
  transactions: number;
  delayed: number;
}

/**
 * One writer: batches of 1–4 events to random shared streams, until the
 * writers together have committed the target. Most go through a
 * transaction of its own that sleeps 0–5 ms before it commits (or, now and
 * then, rolls back); the rest through `appendToStream`.
 */
async function writer(tally: Tally): Promise<void> {
  while (tally.committed.size < TARGET_EVENTS) {
    const stream = `writers-${randomInt(STREAMS)}`;
    const batch = commandBatch(1 + randomInt(4));
    const rollBack = randomInt(100) < ROLLBACK_PERCENT;
    tally.transactions += 1;
    if (!rollBack && randomInt(4) === 0) {
      await harness.store.appendToStream(stream, batch, {
        expectedRevision: 'any',
      });
      for (const id of idsOf(batch)) tally.committed.add(id);
      continue;
    }
    const client = await harness.pool.connect();
    try {
      await client.query('BEGIN');
      await appendInTransaction(client, stream, batch, {
        expectedRevision: 'any',
      });
      if (randomInt(2) === 0) {
        tally.delayed += 1;
        await client.query('SELECT pg_sleep($1)', [randomInt(6) / 1000]);
      }
      await client.query(rollBack ? 'ROLLBACK' : 'COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    const into = rollBack ? tally.rolledBack : tally.committed;
    for (const id of idsOf(batch)) into.add(id);
  }
}

/** Each stream's revisions, in the order the events were delivered. */
function revisionsByStream(events: readonly RecordedEvent[]) {
  const byStream = new Map<string, number[]>();
  for (const event of events) {
    const revisions = byStream.get(event.streamName) ?? [];
    revisions.push(event.revision);
    byStream.set(event.streamName, revisions);
  }
  return byStream;
}

describe('16 writers committing out of order with a few rollbacks', () => {
  it('gives a live subscriber exactly the committed log, each event once', async () => {
    const tally: Tally = {
      committed: new Set(),
      rolledBack: new Set(),
      transactions: 0,
      delayed: 0,
    };
    const recorder = record(harness.store);

    await Promise.all(Array.from({ length: WRITERS }, () => writer(tally)));
    const seen = await eventually(
      async () => recorder.events,
      (events) => events.length >= tally.committed.size,
      60_000,
    );
    await recorder.subscription.stop();
    const log = await harness.store.readAll();

    const delivered = idsOf(seen);
    process.stdout.write(
      `concurrent writers: ${WRITERS} writers, ${tally.transactions} ` +
        `transactions (${tally.delayed} delayed), ${tally.committed.size} ` +
        `events committed, ${tally.rolledBack.size} rolled back, ` +
        `${delivered.length} delivered, ${log.length} in the log\n`,
    );
    expect(tally.committed.size).toBeGreaterThanOrEqual(TARGET_EVENTS);
    expect(recorder.errors).toEqual([]);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(delivered).toEqual(idsOf(log));
    expect(new Set(delivered)).toEqual(tally.committed);
    expect(delivered.filter((id) => tally.rolledBack.has(id))).toEqual([]);
    for (const [stream, revisions] of revisionsByStream(seen)) {
      const gapFree = revisions.every((revision, i) => revision === i);
      expect({ stream, gapFree }).toEqual({ stream, gapFree: true });
    }
  });
});
