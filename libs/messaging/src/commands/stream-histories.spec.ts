import { InMemoryEventStore, type NewEvent } from '@opsdesk/event-store';
import { createLogger, eventIdFor } from '@opsdesk/platform';
import { StreamHistories } from './stream-histories';

const STREAM = 'tally-0190a5b8-1c2d-7e3f-8a4b-5c6d7e8f9a0b';

function counted(n: number): NewEvent {
  return {
    eventId: eventIdFor(`count-${n}`, 0),
    type: 'tally.counted',
    schemaVersion: 1,
    data: { n },
    metadata: {
      commandId: `count-${n}`,
      causationId: `count-${n}`,
      correlationId: `count-${n}`,
      actor: { id: 'dm-01', role: 'dispatch-manager', kind: 'person' },
    },
  };
}

describe('reading a stream through its remembered history', () => {
  const logger = createLogger('histories-spec', 'silent');

  it('asks only for the events after those it holds, and returns them all', async () => {
    const store = new InMemoryEventStore({ logger });
    const asked: (number | undefined)[] = [];
    const histories = new StreamHistories({
      readStream: (stream, options) => {
        asked.push(options?.fromRevision);
        return store.readStream(stream, options);
      },
    });
    await store.appendToStream(STREAM, [counted(0), counted(1)], {
      expectedRevision: 'no-stream',
    });
    await histories.read(STREAM);

    // Another writer appends; the next read still sees everything.
    await store.appendToStream(STREAM, [counted(2)], { expectedRevision: 1 });
    const history = await histories.read(STREAM);

    expect(asked).toEqual([undefined, 2]);
    expect(history).toEqual(await store.readStream(STREAM));
  });

  it('reads a stream it no longer holds from the start', async () => {
    const store = new InMemoryEventStore({ logger });
    const asked: (string | number | undefined)[] = [];
    const histories = new StreamHistories(
      {
        readStream: (stream, options) => {
          asked.push(`${stream.slice(-1)}:${options?.fromRevision}`);
          return store.readStream(stream, options);
        },
      },
      1,
    );
    await store.appendToStream(`${STREAM}a`, [counted(0)], {
      expectedRevision: 'no-stream',
    });
    await store.appendToStream(`${STREAM}b`, [counted(1)], {
      expectedRevision: 'no-stream',
    });

    await histories.read(`${STREAM}a`);
    await histories.read(`${STREAM}b`);
    const again = await histories.read(`${STREAM}a`);

    expect(asked).toEqual(['a:undefined', 'b:undefined', 'a:undefined']);
    expect(again).toHaveLength(1);
  });
});

describe('guessing a stream from the log feed', () => {
  const logger = createLogger('histories-spec', 'silent');

  async function storeWith(n: number) {
    const store = new InMemoryEventStore({ logger });
    await store.appendToStream(
      STREAM,
      Array.from({ length: n }, (_, i) => counted(i)),
      { expectedRevision: 'no-stream' },
    );
    return { store, events: await store.readStream(STREAM) };
  }

  it('guesses nothing while no feed is open', async () => {
    const { store } = await storeWith(2);
    const histories = new StreamHistories(store);
    await histories.read(STREAM);

    expect(histories.guess(STREAM)).toBeUndefined();
  });

  it('holds a stream the feed saw from its first event', async () => {
    const { store, events } = await storeWith(3);
    const histories = new StreamHistories(store);
    const feed = histories.openFeed();

    feed.offer(events.slice(0, 2));
    feed.offer(events.slice(1));

    expect(histories.guess(STREAM)).toEqual(events);
  });

  it('ignores a stream whose start it never saw', async () => {
    const { store, events } = await storeWith(3);
    const histories = new StreamHistories(store);
    histories.openFeed().offer(events.slice(1));

    expect(histories.guess(STREAM)).toBeUndefined();
  });

  it('guesses nothing across a gap until a read fills it', async () => {
    const { store, events } = await storeWith(3);
    const histories = new StreamHistories(store);
    const feed = histories.openFeed();
    feed.offer([events[0], events[2]]);
    expect(histories.guess(STREAM)).toBeUndefined();

    await histories.read(STREAM);
    expect(histories.guess(STREAM)).toEqual(events);
  });
});

describe('a feed opened after reads', () => {
  const logger = createLogger('histories-spec', 'silent');

  it('guesses nothing it held from before, which may have missed events', async () => {
    const store = new InMemoryEventStore({ logger });
    await store.appendToStream(STREAM, [counted(0)], {
      expectedRevision: 'no-stream',
    });
    const histories = new StreamHistories(store);
    await histories.read(STREAM);
    // Appended while nobody fed the histories; the follower that opens
    // the feed resumes after it and never offers it.
    await store.appendToStream(STREAM, [counted(1)], { expectedRevision: 0 });

    histories.openFeed();

    expect(histories.guess(STREAM)).toBeUndefined();
  });
});
