import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '../../event-store.port';
import {
  appendRetrying,
  commandBatch,
  deferred,
  eventually,
  idsOf,
  record,
  uniqueName,
  type ContractHarness,
} from '../contract-fixtures';

export function describeSubscribing(harness: () => ContractHarness): void {
  const store = () => harness().store;

  /** Appends `count` single-event commands to `stream`, in order. */
  async function appendEach(stream: string, from: number, count: number) {
    const appended: string[] = [];
    for (let revision = from; revision < from + count; revision++) {
      const batch = commandBatch(1);
      await appendRetrying(
        store(),
        stream,
        batch,
        revision === 0 ? 'no-stream' : revision - 1,
      );
      appended.push(batch[0].eventId);
    }
    return appended;
  }

  async function visible(prefix: string, count: number) {
    return eventually(
      () => store().readAll({ filter: { streamPrefixes: [prefix] } }),
      (events) => events.length >= count,
    );
  }

  describe('a subscription from a stored position', () => {
    it('delivers the later events in order, then live ones', async () => {
      const prefix = uniqueName('sub');
      const stream = `${prefix}-a`;
      await appendEach(stream, 0, 3);
      const stored = await visible(prefix, 3);
      const recorder = record(store(), {
        after: stored[0].position,
        filter: { streamPrefixes: [prefix] },
      });

      const live = await appendEach(stream, 3, 2);
      const seen = await recorder.waitFor(4);
      await recorder.subscription.stop();

      expect(idsOf(seen)).toEqual([...idsOf(stored.slice(1)), ...live]);
      expect(recorder.subscription.lastPosition).toBe(seen[3].position);
      expect(recorder.errors).toEqual([]);
    });

    it('delivers only the streams its prefix filter names', async () => {
      const prefix = uniqueName('sub');
      const recorder = record(store(), {
        filter: { streamPrefixes: [`${prefix}-keep-`] },
      });

      await appendEach(`${prefix}-skip-1`, 0, 2);
      const kept = await appendEach(`${prefix}-keep-1`, 0, 2);
      await appendEach(`${prefix}-skip-2`, 0, 1);
      kept.push(...(await appendEach(`${prefix}-keep-2`, 0, 1)));
      const seen = await recorder.waitFor(3);
      await visible(prefix, 6);
      await recorder.subscription.stop();

      expect(idsOf(seen)).toEqual(kept);
    });
  });

  describe('a subscription whose connections drop', () => {
    it('resumes after the last delivered event without a duplicate', async () => {
      const prefix = uniqueName('sub');
      const stream = `${prefix}-a`;
      const recorder = record(store(), {
        filter: { streamPrefixes: [prefix] },
      });
      const before = await appendEach(stream, 0, 3);
      await recorder.waitFor(3);

      await harness().dropConnections?.();
      const after = await appendEach(stream, 3, 3);
      await harness().dropConnections?.();
      const more = await appendEach(stream, 6, 2);
      const seen = await recorder.waitFor(8);
      await recorder.subscription.stop();

      expect(idsOf(seen)).toEqual([...before, ...after, ...more]);
      expect(recorder.errors).toEqual([]);
    });
  });

  describe('a subscription restarted from its checkpoint', () => {
    it('continues with exactly the next event', async () => {
      const prefix = uniqueName('sub');
      const stream = `${prefix}-a`;
      const all = await appendEach(stream, 0, 6);
      await visible(prefix, 6);
      const thirdDone = deferred();
      const first = record(store(), {
        filter: { streamPrefixes: [prefix] },
        async onEvent() {
          if (first.events.length === 2) thirdDone.resolve();
        },
      });
      await thirdDone.promise;
      await first.subscription.stop();
      const checkpoint = first.subscription.lastPosition;

      const second = record(store(), {
        after: checkpoint,
        filter: { streamPrefixes: [prefix] },
      });
      const rest = await second.waitFor(all.length - first.events.length);
      await second.subscription.stop();

      expect(checkpoint).toBe(first.events[first.events.length - 1].position);
      expect([...idsOf(first.events), ...idsOf(rest)]).toEqual(all);
    });
  });

  describe('a handler that throws', () => {
    it('stops the subscription and reports the error', async () => {
      const prefix = uniqueName('sub');
      const failure = new Error('projection failed');
      const attempts: RecordedEvent[] = [];
      const reported = deferred<unknown>();
      const recorder = record(store(), {
        filter: { streamPrefixes: [prefix] },
        async onEvent(event) {
          attempts.push(event);
          if (attempts.length === 2) throw failure;
        },
        onError: (error) => reported.resolve(error),
      });

      await appendEach(`${prefix}-a`, 0, 3);
      const error = await reported.promise;
      await recorder.subscription.stop();

      expect(error).toBe(failure);
      expect(recorder.events).toHaveLength(1);
      expect(recorder.subscription.lastPosition).toBe(
        recorder.events[0].position,
      );
      expect(idsOf(attempts)).toEqual(
        idsOf((await visible(prefix, 2)).slice(0, 2)),
      );
    });
  });

  describe('stopping while a handler runs', () => {
    it('resolves only after that handler has finished', async () => {
      const prefix = uniqueName('sub');
      const entered = deferred();
      const release = deferred();
      const order: string[] = [];
      const recorder = record(store(), {
        filter: { streamPrefixes: [prefix] },
        async onEvent() {
          entered.resolve();
          await release.promise;
          order.push('handler finished');
        },
      });
      await appendEach(`${prefix}-a`, 0, 2);
      await entered.promise;

      const stopped = recorder.subscription.stop().then(() => {
        order.push('stop resolved');
      });
      await new Promise((resolve) => setImmediate(resolve));
      order.push('released');
      release.resolve();
      await stopped;

      expect(order).toEqual(['released', 'handler finished', 'stop resolved']);
      expect(recorder.events).toHaveLength(1);
    });
  });

  describe('a subscription that takes pages', () => {
    it('delivers the stored and the live events in order, none twice', async () => {
      const prefix = uniqueName('sub');
      const stream = `${prefix}-a`;
      const stored = await appendEach(stream, 0, 4);
      await visible(prefix, 4);
      const recorder = record(store(), {
        filter: { streamPrefixes: [prefix] },
        pages: true,
      });
      await recorder.waitFor(4);

      const live = await appendEach(stream, 4, 3);
      const seen = await recorder.waitFor(7);
      await recorder.subscription.stop();

      expect(idsOf(seen)).toEqual([...stored, ...live]);
      expect(recorder.pages.every((page) => page.length > 0)).toBe(true);
      expect(recorder.subscription.lastPosition).toBe(seen[6].position);
      expect(recorder.errors).toEqual([]);
    });

    it('gives the stored backlog as one page when it fits', async () => {
      const prefix = uniqueName('sub');
      const stored = await appendEach(`${prefix}-a`, 0, 5);
      await visible(prefix, 5);

      const recorder = record(store(), {
        filter: { streamPrefixes: [prefix] },
        pages: true,
      });
      await recorder.waitFor(5);
      await recorder.subscription.stop();

      expect(recorder.pages.map(idsOf)).toEqual([stored]);
    });

    it('stays before a page whose handler throws', async () => {
      const prefix = uniqueName('sub');
      const stream = `${prefix}-a`;
      const first = await appendEach(stream, 0, 2);
      await visible(prefix, 2);
      const failure = new Error('page failed');
      const reported = deferred<unknown>();
      let pagesSeen = 0;
      const recorder = record(store(), {
        filter: { streamPrefixes: [prefix] },
        pages: true,
        async onEvent() {
          // The events of the second page throw.
          if (pagesSeen > 0) throw failure;
        },
        onError: (error) => reported.resolve(error),
      });
      await recorder.waitFor(2);
      pagesSeen = 1;

      await appendEach(stream, 2, 2);
      const error = await reported.promise;
      await recorder.subscription.stop();

      expect(error).toBe(failure);
      expect(idsOf(recorder.events)).toEqual(first);
      expect(recorder.subscription.lastPosition).toBe(
        recorder.events[1].position,
      );
    });
  });
}
