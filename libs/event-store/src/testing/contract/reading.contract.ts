import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '../../event-store.port';
import {
  commandBatch,
  eventually,
  idsOf,
  uniqueName,
  type ContractHarness,
} from '../contract-fixtures';

export function describeReading(harness: () => ContractHarness): void {
  const store = () => harness().store;

  /** A stream of `count` events, appended one command at a time. */
  async function streamOf(count: number): Promise<RecordedEvent[]> {
    const stream = uniqueName('read');
    for (let revision = 0; revision < count; revision++) {
      await store().appendToStream(stream, commandBatch(1), {
        expectedRevision: revision === 0 ? 'no-stream' : revision - 1,
      });
    }
    return store().readStream(stream);
  }

  describe('reading one stream', () => {
    it('returns every event forwards in revision order', async () => {
      const events = await streamOf(4);

      expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
      expect(new Set(events.map((e) => e.streamName)).size).toBe(1);
    });

    it('returns them backwards from the last', async () => {
      const events = await streamOf(4);

      const backwards = await store().readStream(events[0].streamName, {
        direction: 'backwards',
      });

      expect(backwards.map((e) => e.revision)).toEqual([3, 2, 1, 0]);
    });

    it('starts forwards at a revision, inclusive, and stops at maxCount', async () => {
      const events = await streamOf(5);

      const slice = await store().readStream(events[0].streamName, {
        fromRevision: 1,
        maxCount: 3,
      });

      expect(slice.map((e) => e.revision)).toEqual([1, 2, 3]);
    });

    it('starts backwards at a revision, inclusive', async () => {
      const events = await streamOf(5);

      const slice = await store().readStream(events[0].streamName, {
        direction: 'backwards',
        fromRevision: 2,
      });

      expect(slice.map((e) => e.revision)).toEqual([2, 1, 0]);
    });

    it('returns nothing past the end', async () => {
      const events = await streamOf(2);

      const slice = await store().readStream(events[0].streamName, {
        fromRevision: 2,
      });

      expect(slice).toEqual([]);
    });

    it('returns an empty list for a stream that does not exist', async () => {
      expect(await store().readStream(uniqueName('missing'))).toEqual([]);
    });

    it('stops at the events recorded until an instant', async () => {
      const stream = uniqueName('read');
      await store().appendToStream(stream, commandBatch(2), {
        expectedRevision: 'no-stream',
      });
      const [early] = await store().readStream(stream);
      await untilClockPasses(early.recordedAt);
      await store().appendToStream(stream, commandBatch(1), {
        expectedRevision: 1,
      });

      const untilEarly = await store().readStream(stream, {
        untilRecordedAt: early.recordedAt,
      });
      const beforeAll = await store().readStream(stream, {
        untilRecordedAt: new Date(
          Date.parse(early.recordedAt) - 1,
        ).toISOString(),
      });

      expect(untilEarly.map((e) => e.revision)).toEqual([0, 1]);
      expect(beforeAll).toEqual([]);
      const all = await store().readStream(stream);
      expect(Date.parse(all[2].recordedAt)).toBeGreaterThan(
        Date.parse(early.recordedAt),
      );
    });

    it('records an ISO-8601 UTC instant with milliseconds', async () => {
      const [event] = await streamOf(1);

      expect(event.recordedAt).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
      );
    });
  });

  describe('reading the global log', () => {
    /** Five events over two streams under one fresh prefix, in append order. */
    async function logUnder(prefix: string): Promise<RecordedEvent[]> {
      const a = `${prefix}-a`;
      const b = `${prefix}-b`;
      await store().appendToStream(a, commandBatch(2), {
        expectedRevision: 'no-stream',
      });
      await store().appendToStream(b, commandBatch(1), {
        expectedRevision: 'no-stream',
      });
      await store().appendToStream(a, commandBatch(2), {
        expectedRevision: 1,
      });
      return eventually(
        () => store().readAll({ filter: { streamPrefixes: [prefix] } }),
        (events) => events.length >= 5,
      );
    }

    it('lists events in commit order, each stream in revision order', async () => {
      const prefix = uniqueName('global');

      const events = await logUnder(prefix);

      expect(events.map((e) => `${e.streamName}@${e.revision}`)).toEqual([
        `${prefix}-a@0`,
        `${prefix}-a@1`,
        `${prefix}-b@0`,
        `${prefix}-a@2`,
        `${prefix}-a@3`,
      ]);
    });

    it('continues strictly after a stored position', async () => {
      const prefix = uniqueName('global');
      const events = await logUnder(prefix);

      const after = await store().readAll({
        after: events[1].position,
        filter: { streamPrefixes: [prefix] },
      });
      const unfiltered = await store().readAll({ after: events[1].position });

      expect(idsOf(after)).toEqual(idsOf(events.slice(2)));
      expect(idsOf(unfiltered)).toEqual(idsOf(events.slice(2)));
      expect(await store().readAll({ after: events[4].position })).toEqual([]);
    });

    it('stops at maxCount', async () => {
      const prefix = uniqueName('global');
      const events = await logUnder(prefix);

      const page = await store().readAll({
        after: events[0].position,
        maxCount: 2,
        filter: { streamPrefixes: [prefix] },
      });

      expect(idsOf(page)).toEqual(idsOf(events.slice(1, 3)));
    });

    it('returns only streams that start with one of the prefixes', async () => {
      const prefix = uniqueName('global');
      const names = ['fault-1', 'lost-1', 'fault-2', 'complaint-1'];
      for (const name of names) {
        await store().appendToStream(`${prefix}-${name}`, commandBatch(1), {
          expectedRevision: 'no-stream',
        });
      }
      const all = await eventually(
        () => store().readAll({ filter: { streamPrefixes: [prefix] } }),
        (events) => events.length >= 4,
      );

      const picked = await store().readAll({
        filter: {
          streamPrefixes: [`${prefix}-fault-`, `${prefix}-complaint-`],
        },
      });

      expect(picked.map((e) => e.streamName)).toEqual([
        `${prefix}-fault-1`,
        `${prefix}-fault-2`,
        `${prefix}-complaint-1`,
      ]);
      expect(idsOf(picked)).toEqual(
        idsOf(all.filter((e) => !e.streamName.includes('-lost-'))),
      );
    });

    it('refuses a position it did not make', async () => {
      await expect(
        store().readAll({ after: 'not-a-position' }),
      ).rejects.toMatchObject({
        code: 'INVALID_POSITION',
        position: 'not-a-position',
      });
    });
  });
}

/** Waits until the clock reads a later millisecond than `instant`. */
async function untilClockPasses(instant: string): Promise<void> {
  while (Date.now() <= Date.parse(instant)) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
