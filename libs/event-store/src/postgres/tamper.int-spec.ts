import { createTestSchema } from '../../../../test/support/database';
import { verifyChain } from '../hash-chain';
import {
  commandBatch,
  eventually,
  uniqueName,
} from '../testing/contract-fixtures';
import {
  startPostgresHarness,
  type PostgresHarness,
} from '../testing/postgres-harness';

let harness: PostgresHarness;

beforeAll(async () => {
  harness = await startPostgresHarness(await createTestSchema('es_tamper'));
});

afterAll(async () => {
  await harness.cleanup();
});

describe('an event whose data was changed in SQL behind the store', () => {
  it('is named by stream, revision and id when the chains are verified', async () => {
    const prefix = uniqueName('tamper');
    const streams = ['a', 'b', 'c'].map((s) => `${prefix}-${s}`);
    for (const stream of streams) {
      await harness.store.appendToStream(stream, commandBatch(2), {
        expectedRevision: 'no-stream',
      });
      await harness.store.appendToStream(stream, commandBatch(2), {
        expectedRevision: 1,
      });
    }
    const victim = (await harness.store.readStream(streams[1]))[2];

    const updated = await harness.pool.query(
      `UPDATE events SET data = jsonb_set(data, '{n}', '42')
       WHERE stream_name = $1 AND revision = $2`,
      [victim.streamName, victim.revision],
    );

    expect(updated.rowCount).toBe(1);
    const broken = {
      ok: false,
      streamName: victim.streamName,
      revision: 2,
      eventId: victim.eventId,
      rule: 'hash-mismatch',
    };
    expect(verifyChain(await harness.store.readStream(streams[1]))).toEqual(
      broken,
    );
    const names = await harness.pool.query<{ stream_name: string }>(
      'SELECT stream_name FROM streams ORDER BY stream_name',
    );
    const verdicts = await Promise.all(
      names.rows.map(async ({ stream_name }) =>
        verifyChain(await harness.store.readStream(stream_name)),
      ),
    );
    expect(verdicts.filter((v) => !v.ok)).toEqual([broken]);
    const log = await eventually(
      () => harness.store.readAll(),
      (events) => events.length >= 12,
    );
    expect(verifyChain(log)).toEqual(broken);
  });
});
