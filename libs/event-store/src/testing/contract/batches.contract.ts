import { describe, expect, it } from '@jest/globals';
import { uuidv7 } from '@opsdesk/platform';
import {
  commandBatch,
  eventually,
  idsOf,
  uniqueName,
  type ContractHarness,
  type ContractOptions,
} from '../contract-fixtures';

async function failureOf(attempt: Promise<unknown>): Promise<unknown> {
  return attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
}

export function describeBatches(
  harness: () => ContractHarness,
  options: ContractOptions = {},
): void {
  const store = () => harness().store;
  const crossStreamSkip =
    options.unsupported?.['event-ids-unique-across-streams'];
  const itCrossStream = crossStreamSkip ? it.skip : it;
  if (crossStreamSkip) {
    process.stdout.write(
      `skipped: event ids unique across streams: ${crossStreamSkip}\n`,
    );
  }

  describe('a batch that fails', () => {
    it('writes none of its events when the expected revision is wrong', async () => {
      const stream = uniqueName('batch');
      await store().appendToStream(stream, commandBatch(2), {
        expectedRevision: 'no-stream',
      });
      const refused = commandBatch(3);

      const error = await failureOf(
        store().appendToStream(stream, refused, { expectedRevision: 0 }),
      );

      expect(error).toMatchObject({ code: 'WRONG_EXPECTED_REVISION' });
      expect(await store().readStream(stream)).toHaveLength(2);
    });

    it('writes none of its events when its last event cannot be stored', async () => {
      const stream = uniqueName('batch');
      await store().appendToStream(stream, commandBatch(1), {
        expectedRevision: 'no-stream',
      });
      const batch = commandBatch(3, (i) => ({
        text: i === 2 ? 'a\u0000b' : 'ok',
      }));

      const error = await failureOf(
        store().appendToStream(stream, batch, { expectedRevision: 0 }),
      );

      expect(error).toMatchObject({
        code: 'INVALID_APPEND',
        stream,
        reason: 'unstorable-value',
        eventId: batch[2].eventId,
      });
      expect(await store().readStream(stream)).toHaveLength(1);
      // The head did not move either: the same revision is still current.
      const next = await store().appendToStream(stream, commandBatch(1), {
        expectedRevision: 0,
      });
      expect(next.nextExpectedRevision).toBe(1);
    });

    itCrossStream(
      `writes none of its events when one reuses an id of another stream${crossStreamSkip ? ` (skipped: ${crossStreamSkip})` : ''}`,
      async () => {
        const first = uniqueName('batch');
        const second = uniqueName('batch');
        const taken = commandBatch(1);
        await store().appendToStream(first, taken, {
          expectedRevision: 'no-stream',
        });
        const batch = [...commandBatch(2), ...taken];

        const error = await failureOf(
          store().appendToStream(second, batch, { expectedRevision: 'any' }),
        );

        expect(error).toMatchObject({
          code: 'INVALID_APPEND',
          stream: second,
          reason: 'event-id-in-other-stream',
          eventId: taken[0].eventId,
        });
        expect(await store().readStream(second)).toEqual([]);
      },
    );

    it('refuses the same event id twice in one batch', async () => {
      const stream = uniqueName('batch');
      const [event] = commandBatch(1);

      const error = await failureOf(
        store().appendToStream(stream, [event, event], {
          expectedRevision: 'any',
        }),
      );

      expect(error).toMatchObject({
        code: 'INVALID_APPEND',
        reason: 'duplicate-event-id',
        eventId: event.eventId,
      });
      expect(await store().readStream(stream)).toEqual([]);
    });
  });

  describe('a command retried with the same event ids', () => {
    it('stores one copy and reports the retry as already appended', async () => {
      const stream = uniqueName('retry');
      const batch = commandBatch(3);
      const first = await store().appendToStream(stream, batch, {
        expectedRevision: 'no-stream',
      });

      const again = await store().appendToStream(stream, batch, {
        expectedRevision: 'no-stream',
      });

      expect(again).toEqual({ ...first, alreadyAppended: true });
      expect(idsOf(await store().readStream(stream))).toEqual(idsOf(batch));
      const global = await eventually(
        () => store().readAll({ filter: { streamPrefixes: [stream] } }),
        (events) => events.length >= 3,
      );
      expect(idsOf(global)).toEqual(idsOf(batch));
    });

    it('is a no-op even when the stream has moved on since', async () => {
      const stream = uniqueName('retry');
      const original = commandBatch(2);
      await store().appendToStream(stream, original, {
        expectedRevision: 'no-stream',
      });
      await store().appendToStream(stream, commandBatch(1), {
        expectedRevision: 1,
      });

      const again = await store().appendToStream(stream, original, {
        expectedRevision: 'no-stream',
      });

      expect(again).toMatchObject({
        alreadyAppended: true,
        nextExpectedRevision: 1,
      });
      expect(await store().readStream(stream)).toHaveLength(3);
    });

    it('refuses a batch of which only some events are stored', async () => {
      const stream = uniqueName('retry');
      const commandId = uuidv7();
      const stored = commandBatch(2, undefined, commandId);
      await store().appendToStream(stream, stored, {
        expectedRevision: 'no-stream',
      });
      const grown = commandBatch(3, undefined, commandId);

      const error = await failureOf(
        store().appendToStream(stream, grown, { expectedRevision: 1 }),
      );

      expect(error).toMatchObject({
        code: 'PARTIALLY_APPENDED_BATCH',
        stream,
        appendedEventIds: idsOf(stored),
        newEventIds: [grown[2].eventId],
      });
      expect(await store().readStream(stream)).toHaveLength(2);
    });
  });
}
