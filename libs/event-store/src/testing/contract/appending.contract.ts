import { describe, expect, it } from '@jest/globals';
import { WrongExpectedRevisionError } from '../../event-store.errors';
import type { ExpectedRevision } from '../../event-store.port';
import {
  commandBatch,
  idsOf,
  uniqueName,
  type ContractHarness,
} from '../contract-fixtures';

async function expectConflict(
  attempt: Promise<unknown>,
  fields: {
    stream: string;
    expected: ExpectedRevision;
    actual: number | 'no-stream';
  },
): Promise<void> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', ...fields });
}

export function describeAppending(harness: () => ContractHarness): void {
  const store = () => harness().store;

  /** A stream holding two events (revisions 0 and 1). */
  async function streamAtRevision1(): Promise<string> {
    const stream = uniqueName('append');
    await store().appendToStream(stream, commandBatch(2), {
      expectedRevision: 'no-stream',
    });
    return stream;
  }

  describe('appending to a stream that does not exist', () => {
    it('accepts no-stream and numbers the events from 0', async () => {
      const stream = uniqueName('append');
      const batch = commandBatch(3);

      const result = await store().appendToStream(stream, batch, {
        expectedRevision: 'no-stream',
      });

      expect(result).toMatchObject({
        nextExpectedRevision: 2,
        alreadyAppended: false,
      });
      const stored = await store().readStream(stream);
      expect(stored.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(idsOf(stored)).toEqual(idsOf(batch));
      expect(stored[2].position).toBe(result.position);
    });

    it('accepts any', async () => {
      const stream = uniqueName('append');

      const result = await store().appendToStream(stream, commandBatch(1), {
        expectedRevision: 'any',
      });

      expect(result.nextExpectedRevision).toBe(0);
    });

    it('rejects stream-exists, reporting no-stream as the actual revision', async () => {
      const stream = uniqueName('append');

      await expectConflict(
        store().appendToStream(stream, commandBatch(1), {
          expectedRevision: 'stream-exists',
        }),
        { stream, expected: 'stream-exists', actual: 'no-stream' },
      );
      expect(await store().readStream(stream)).toEqual([]);
    });

    it('rejects an exact revision, reporting no-stream as the actual revision', async () => {
      const stream = uniqueName('append');

      await expectConflict(
        store().appendToStream(stream, commandBatch(1), {
          expectedRevision: 0,
        }),
        { stream, expected: 0, actual: 'no-stream' },
      );
    });
  });

  describe('appending to a stream at revision 1', () => {
    it('accepts the exact revision 1 and continues at 2', async () => {
      const stream = await streamAtRevision1();

      const result = await store().appendToStream(stream, commandBatch(2), {
        expectedRevision: 1,
      });

      expect(result.nextExpectedRevision).toBe(3);
      const stored = await store().readStream(stream);
      expect(stored.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
    });

    it('accepts stream-exists', async () => {
      const stream = await streamAtRevision1();

      const result = await store().appendToStream(stream, commandBatch(1), {
        expectedRevision: 'stream-exists',
      });

      expect(result.nextExpectedRevision).toBe(2);
    });

    it('accepts any', async () => {
      const stream = await streamAtRevision1();

      const result = await store().appendToStream(stream, commandBatch(1), {
        expectedRevision: 'any',
      });

      expect(result.nextExpectedRevision).toBe(2);
    });

    it('rejects no-stream, reporting 1 as the actual revision', async () => {
      const stream = await streamAtRevision1();

      await expectConflict(
        store().appendToStream(stream, commandBatch(1), {
          expectedRevision: 'no-stream',
        }),
        { stream, expected: 'no-stream', actual: 1 },
      );
    });

    it('rejects a stale exact revision, reporting 1 as the actual revision', async () => {
      const stream = await streamAtRevision1();

      await expectConflict(
        store().appendToStream(stream, commandBatch(1), {
          expectedRevision: 0,
        }),
        { stream, expected: 0, actual: 1 },
      );
    });

    it('rejects a revision ahead of the stream', async () => {
      const stream = await streamAtRevision1();

      await expectConflict(
        store().appendToStream(stream, commandBatch(1), {
          expectedRevision: 5,
        }),
        { stream, expected: 5, actual: 1 },
      );
      expect(await store().readStream(stream)).toHaveLength(2);
    });
  });

  describe('two writers racing from the same revision', () => {
    it('lets exactly one of them append', async () => {
      const stream = await streamAtRevision1();

      const outcomes = await Promise.allSettled(
        [commandBatch(2), commandBatch(2)].map((batch) =>
          store().appendToStream(stream, batch, { expectedRevision: 1 }),
        ),
      );

      const rejected = outcomes.filter((o) => o.status === 'rejected');
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({
        code: 'WRONG_EXPECTED_REVISION',
        stream,
        expected: 1,
        actual: 3,
      });
      expect(await store().readStream(stream)).toHaveLength(4);
    });
  });
}
