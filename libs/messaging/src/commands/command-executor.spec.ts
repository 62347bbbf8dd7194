import {
  streamNameOf,
  TicketNotInStateError,
  type DomainEvent,
} from '@opsdesk/domain';
import {
  InMemoryEventStore,
  WrongExpectedRevisionError,
  type EventStore,
} from '@opsdesk/event-store';
import { createLogger, eventIdFor } from '@opsdesk/platform';
import type { CommandEnvelope } from '../queues/jobs';
import { CommandExecutor, type CommandPreparer } from './command-executor';
import { ProcessCatalog, type AnyProcess } from './process-catalog';
import { StreamHistories } from './stream-histories';

/**
 * A process whose every decision depends on the state it was decided
 * on: each `Count` records how many counts came before it. A decision
 * made on a stale load would record a wrong number.
 */
const tally: AnyProcess = {
  processId: 'tally',
  title: { zh: '计数', en: 'Tally' },
  initialState: { status: 'OPEN', counted: 0 },
  commandTypes: ['Count'],
  eventTypes: ['tally.counted'],
  stateLabels: { OPEN: { zh: '进行中', en: 'Open' } },
  eventLabels: { 'tally.counted': { zh: '已计数', en: 'Counted' } },
  evolve: (state: { status: string; counted: number }) => ({
    ...state,
    counted: state.counted + 1,
  }),
  decide: (_command, state: { counted: number }): DomainEvent[] => [
    {
      type: 'tally.counted',
      schemaVersion: 1,
      data: { before: state.counted },
    },
  ],
  custody: () => ({ role: 'dispatch-manager' }),
  isTerminal: () => false,
};

const DISPATCHER = {
  id: 'dm-01',
  role: 'dispatch-manager',
  subsidiary: 'sh',
  kind: 'person',
} as const;

const TICKET = '0190a5b8-1c2d-7e3f-8a4b-5c6d7e8f9a0b';
const STREAM = streamNameOf('tally', TICKET);

/** What each count in the stream saw before it, in the stream's order. */
async function countsRecorded(store: EventStore): Promise<number[]> {
  const events = await store.readStream(STREAM);
  return events.map(({ data }) => {
    expect(data).toEqual({ before: expect.any(Number) });
    return (data as { before: number }).before;
  });
}

function count(commandId: string): CommandEnvelope {
  return {
    commandId,
    processId: 'tally',
    ticketId: TICKET,
    type: 'Count',
    payload: {},
    actor: DISPATCHER,
    correlationId: commandId,
    causationId: commandId,
    issuedAt: '2026-12-04T02:00:00.000Z',
  };
}

/**
 * Lets another worker (another process on the same queue) append to the
 * stream between this executor's load and its append, `times` times.
 */
function withRivalWrites(store: EventStore, times: number): EventStore {
  let rivals = 0;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'appendToStream') {
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (...args: Parameters<EventStore['appendToStream']>) => {
        if (rivals < times) {
          rivals += 1;
          const history = await target.readStream(STREAM);
          const rivalId = `rival-${rivals}`;
          await target.appendToStream(
            STREAM,
            [
              {
                eventId: eventIdFor(rivalId, 0),
                type: 'tally.counted',
                schemaVersion: 1,
                data: { before: history.length },
                metadata: {
                  commandId: rivalId,
                  causationId: rivalId,
                  correlationId: rivalId,
                  actor: DISPATCHER,
                },
              },
            ],
            {
              expectedRevision: history.length
                ? history[history.length - 1].revision
                : 'no-stream',
            },
          );
        }
        return target.appendToStream(...args);
      };
    },
  });
}

/** The store, with the stream reads made through it counted. */
function counted(store: EventStore): {
  store: EventStore;
  reads: () => number;
} {
  let reads = 0;
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property !== 'readStream') return value.bind(target);
      return (...args: Parameters<EventStore['readStream']>) => {
        reads += 1;
        return target.readStream(...args);
      };
    },
  });
  return { store: proxy, reads: () => reads };
}

describe('CommandExecutor with competing writers', () => {
  const logger = createLogger('executor-spec', 'silent');
  const processes = new ProcessCatalog().register(tally, {});

  it('decides again on a fresh load when another writer appended first', async () => {
    const store = new InMemoryEventStore({ logger });
    const executor = new CommandExecutor(
      withRivalWrites(store, 2),
      processes,
      logger,
    );

    const outcome = await executor.execute(count('mine'));

    const events = await store.readStream(STREAM);
    expect(events.map((e) => e.metadata.commandId)).toEqual([
      'rival-1',
      'rival-2',
      'mine',
    ]);
    // Decided on the state that includes both rival counts.
    expect(events[2].data).toEqual({ before: 2 });
    expect(outcome).toMatchObject({ status: 'accepted', revision: 2 });
  });

  it('gives up with the conflict, a transient failure the job retries, when every attempt loses', async () => {
    const store = new InMemoryEventStore({ logger });
    const executor = new CommandExecutor(
      withRivalWrites(store, 1000),
      processes,
      logger,
    );

    await expect(executor.execute(count('mine'))).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    const events = await store.readStream(STREAM);
    expect(events.some((e) => e.metadata.commandId === 'mine')).toBe(false);
  });
});

describe('CommandExecutor answering from what it appended', () => {
  const logger = createLogger('executor-spec', 'silent');
  const processes = new ProcessCatalog().register(tally, {});

  it('answers as a full read of the log would, and a repeat as a duplicate', async () => {
    const store = new InMemoryEventStore({ logger });
    const executor = new CommandExecutor(store, processes, logger);
    await executor.execute(count('first'));

    const answered = await executor.execute(count('second'));
    const repeated = await executor.execute(count('second'));

    const events = await store.readStream(STREAM);
    expect(answered).toEqual({
      status: 'accepted',
      commandId: 'second',
      processId: 'tally',
      ticketId: TICKET,
      ticketNumber: undefined,
      ticketStatus: 'OPEN',
      custody: { role: 'dispatch-manager' },
      revision: 1,
      events: [
        { eventId: events[1].eventId, type: 'tally.counted', revision: 1 },
      ],
      duplicate: false,
    });
    expect(repeated).toEqual({ ...answered, duplicate: true });
    expect(events).toHaveLength(2);
  });

  it('answers a command another executor already appended as a duplicate', async () => {
    const store = new InMemoryEventStore({ logger });
    const mine = new CommandExecutor(store, processes, logger);
    const theirs = new CommandExecutor(store, processes, logger);
    await mine.execute(count('first'));

    await theirs.execute(count('second'));
    const outcome = await mine.execute(count('second'));

    expect(outcome).toMatchObject({ duplicate: true, revision: 1 });
    expect(await store.readStream(STREAM)).toHaveLength(2);
  });
});

describe('CommandExecutor with a command that opens its ticket', () => {
  const logger = createLogger('executor-spec', 'silent');
  const processes = new ProcessCatalog().register(tally, {});

  function opening(commandId: string): CommandEnvelope {
    return { ...count(commandId), opensTicket: true };
  }

  it('decides on no history, without reading the stream', async () => {
    const store = new InMemoryEventStore({ logger });
    const watched = counted(store);
    const executor = new CommandExecutor(watched.store, processes, logger);

    const outcome = await executor.execute(opening('first'));

    expect(watched.reads()).toBe(0);
    expect(await countsRecorded(store)).toEqual([0]);
    expect(outcome).toMatchObject({ revision: 0, duplicate: false });
  });

  it('answers the same job run again as a duplicate and appends nothing more', async () => {
    const store = new InMemoryEventStore({ logger });
    const executor = new CommandExecutor(store, processes, logger);
    const first = await executor.execute(opening('first'));

    const again = await new CommandExecutor(store, processes, logger).execute(
      opening('first'),
    );

    expect(again).toEqual({ ...first, duplicate: true });
    expect(await store.readStream(STREAM)).toHaveLength(1);
  });

  it('answers a second run that decides more events than the first stored as a duplicate', async () => {
    let perDecision = 1;
    const growing: AnyProcess = {
      ...tally,
      decide: (_command, state: { counted: number }): DomainEvent[] =>
        Array.from({ length: perDecision }, () => ({
          type: 'tally.counted',
          schemaVersion: 1,
          data: { before: state.counted },
        })),
    };
    const catalog = new ProcessCatalog().register(growing, {});
    const store = new InMemoryEventStore({ logger });
    const first = await new CommandExecutor(store, catalog, logger).execute(
      opening('first'),
    );

    perDecision = 2;
    const again = await new CommandExecutor(store, catalog, logger).execute(
      opening('first'),
    );

    expect(again).toEqual({ ...first, duplicate: true });
    expect(await store.readStream(STREAM)).toHaveLength(1);
  });

  it('decides on the stream when it exists after all', async () => {
    const store = new InMemoryEventStore({ logger });
    await new CommandExecutor(store, processes, logger).execute(count('other'));

    const outcome = await new CommandExecutor(store, processes, logger).execute(
      opening('mine'),
    );

    const events = await store.readStream(STREAM);
    expect(events.map((e) => e.metadata.commandId)).toEqual(['other', 'mine']);
    expect(events[1].data).toEqual({ before: 1 });
    expect(outcome).toMatchObject({ revision: 1, duplicate: false });
  });
});

describe('CommandExecutor with the histories a log feed keeps', () => {
  const logger = createLogger('executor-spec', 'silent');
  const processes = new ProcessCatalog().register(tally, {});

  function fedExecutor(
    store: EventStore,
    process: AnyProcess = tally,
    preparers = new Map<string, CommandPreparer>(),
  ) {
    const { store: watched, reads } = counted(store);
    const histories = new StreamHistories(watched);
    const feed = histories.openFeed();
    const catalog = new ProcessCatalog().register(process, {});
    const executor = new CommandExecutor(
      watched,
      catalog,
      logger,
      preparers,
      () => new Date('2026-12-04T02:00:00.000Z'),
      histories,
    );
    /** What the process manager does with each page of the log. */
    const follow = async () => feed.offer(await store.readStream(STREAM));
    return { executor, reads, follow, feed };
  }

  /** Someone else (another process) appends a count. */
  async function countElsewhere(store: EventStore, commandId: string) {
    await new CommandExecutor(store, processes, logger).execute(
      count(commandId),
    );
  }

  /**
   * A feed that holds the stream as one count left it, and a second
   * count the feed has not shown yet.
   */
  async function fedOneBehind(
    process: AnyProcess = tally,
    preparers?: Map<string, CommandPreparer>,
  ) {
    const store = new InMemoryEventStore({ logger });
    const fed = fedExecutor(store, process, preparers);
    await countElsewhere(store, 'first');
    await fed.follow();
    await countElsewhere(store, 'second');
    return { store, ...fed };
  }

  it('decides on the history the feed holds, without reading', async () => {
    const store = new InMemoryEventStore({ logger });
    const { executor, reads, follow } = fedExecutor(store);
    await countElsewhere(store, 'first');
    await follow();

    const outcome = await executor.execute(count('second'));

    expect(reads()).toBe(0);
    expect(await countsRecorded(store)).toEqual([0, 1]);
    expect(outcome).toMatchObject({ revision: 1, duplicate: false });
  });

  it('reads and decides again when the feed is behind the stream', async () => {
    const { store, executor, reads } = await fedOneBehind();

    await executor.execute(count('third'));

    expect(reads()).toBe(1);
    expect(await countsRecorded(store)).toEqual([0, 1, 2]);
  });

  it('reads before refusing a command the held history would refuse', async () => {
    // Counting needs two counts before it: one that is not held yet
    // must not make the command fail.
    const picky: AnyProcess = {
      ...tally,
      decide: (command, state: { counted: number }) => {
        if (state.counted < 2) {
          throw new TicketNotInStateError(
            command.ticketId,
            'OPEN',
            ['OPEN'],
            'Count',
          );
        }
        return tally.decide(command, state, {} as never, {});
      },
    };
    const { executor, reads } = await fedOneBehind(picky);

    const outcome = await executor.execute(count('third'));

    expect(reads()).toBe(1);
    expect(outcome).toMatchObject({ revision: 2, duplicate: false });
  });

  it('reads after its own append until the feed has shown it', async () => {
    const store = new InMemoryEventStore({ logger });
    const { executor, reads, follow } = fedExecutor(store);
    await countElsewhere(store, 'first');
    await follow();

    await executor.execute(count('second'));
    await executor.execute(count('third'));
    expect(reads()).toBe(1);

    await follow();
    await executor.execute(count('fourth'));
    expect(reads()).toBe(1);
    expect(await countsRecorded(store)).toEqual([0, 1, 2, 3]);
  });

  it('decides a command with a preparer on a read, never on a guess', async () => {
    // A preparer may act outside the stream (reserve a bay) and undo it
    // when the command is refused: that refusal must be a final one.
    const prepared: number[] = [];
    const preparers = new Map<string, CommandPreparer>([
      [
        'tally/Count',
        (envelope, state) => {
          prepared.push((state as unknown as { counted: number }).counted);
          return Promise.resolve(envelope);
        },
      ],
    ]);
    const { executor, reads } = await fedOneBehind(tally, preparers);

    await executor.execute(count('third'));

    expect(reads()).toBe(1);
    expect(prepared).toEqual([2]);
  });

  it('reads as before once the feed is closed', async () => {
    const store = new InMemoryEventStore({ logger });
    const { executor, reads, follow, feed } = fedExecutor(store);
    await countElsewhere(store, 'first');
    await follow();
    feed.close();

    await executor.execute(count('second'));

    expect(reads()).toBe(1);
  });
});
