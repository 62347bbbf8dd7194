import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '../../event-store.port';
import { GENESIS_HASH, hashEvent, verifyChain } from '../../hash-chain';
import {
  commandBatch,
  eventually,
  metadataFor,
  record,
  uniqueName,
  type ContractHarness,
} from '../contract-fixtures';

/** Text that breaks naive encodings, normalisation or UTF-16 handling. */
const AWKWARD = {
  extensionB: '𠀀𪚥',
  emoji: '🚗⚡',
  decomposed: 'e\u0301',
  fullWidthDigits: '１２３',
  hyphen: '‐',
  mixed: '徐汇区 𠀀 🚗⚡ cafe\u0301 １２３‐４５ 桩',
};

function expectSameBytes(actual: unknown, expected: string): void {
  expect(typeof actual).toBe('string');
  expect(
    Buffer.from(actual as string, 'utf8').equals(Buffer.from(expected, 'utf8')),
  ).toBe(true);
}

function expectAwkwardText(event: RecordedEvent): void {
  const note = event.metadata.note as Record<string, string>;
  for (const [key, text] of Object.entries(AWKWARD)) {
    expectSameBytes(event.data[key], text);
    expectSameBytes(note[key], text);
  }
  expectSameBytes((event.data.nested as string[])[0], AWKWARD.mixed);
  expect(Object.keys(event.data.keyed as object)).toEqual([AWKWARD.mixed]);
}

export function describeIntegrity(harness: () => ContractHarness): void {
  const store = () => harness().store;

  describe('the hash chain of a stream', () => {
    it('links every event to the one before and verifies', async () => {
      const stream = uniqueName('chain');
      await store().appendToStream(stream, commandBatch(2), {
        expectedRevision: 'no-stream',
      });
      await store().appendToStream(stream, commandBatch(2), {
        expectedRevision: 1,
      });

      const events = await store().readStream(stream);

      expect(events[0].previousHash).toBe(GENESIS_HASH);
      for (let i = 1; i < events.length; i++) {
        expect(events[i].previousHash).toBe(events[i - 1].hash);
      }
      for (const event of events) {
        expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(hashEvent(event)).toBe(event.hash);
      }
      expect(verifyChain(events)).toEqual({ ok: true });
    });

    it('verifies over the global log as well', async () => {
      const prefix = uniqueName('chain');
      for (const name of ['a', 'b', 'a', 'b']) {
        await store().appendToStream(`${prefix}-${name}`, commandBatch(1), {
          expectedRevision: 'any',
        });
      }

      const events = await eventually(
        () => store().readAll({ filter: { streamPrefixes: [prefix] } }),
        (found) => found.length >= 4,
      );

      expect(events).toHaveLength(4);
      expect(verifyChain(events)).toEqual({ ok: true });
    });
  });

  describe('text outside the basic multilingual plane and unnormalised', () => {
    const stream = uniqueName('unicode');
    const [event] = commandBatch(1, () => ({
      ...AWKWARD,
      nested: [AWKWARD.mixed],
      keyed: { [AWKWARD.mixed]: true },
    }));
    event.metadata = { ...metadataFor('unicode-command'), note: AWKWARD };

    it('comes back byte-identical from readStream, readAll and a subscription', async () => {
      const recorder = record(store(), {
        filter: { streamPrefixes: [stream] },
      });
      await store().appendToStream(stream, [event], {
        expectedRevision: 'no-stream',
      });

      const [fromStream] = await store().readStream(stream);
      const [fromAll] = await eventually(
        () => store().readAll({ filter: { streamPrefixes: [stream] } }),
        (found) => found.length >= 1,
      );
      const [fromSubscription] = await recorder.waitFor(1);
      await recorder.subscription.stop();

      for (const read of [fromStream, fromAll, fromSubscription]) {
        expectAwkwardText(read);
        expect(hashEvent(read)).toBe(read.hash);
      }
    });
  });
}
