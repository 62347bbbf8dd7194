import type { EventStore, SubscribeOptions } from '@opsdesk/event-store';
import { createLogger } from '@opsdesk/platform';
import type { ProcessCatalog } from '../commands/process-catalog';
import type { CheckpointStore } from '../process-manager/checkpoint-store';
import { ProcessManager } from '../process-manager/process-manager';
import type { RoleQueueSet } from '../queues/role-queue-set';
import { LogFollower } from './log-follower';

interface FakeSubscription {
  fail(error: Error): void;
  stopped: boolean;
}

/** A store whose subscriptions fail when the test says so. */
function failingStore() {
  const subscriptions: FakeSubscription[] = [];
  const store = {
    subscribeToAll(options: SubscribeOptions) {
      const subscription = {
        fail: (error: Error) => options.onError?.(error),
        stopped: false,
        stop: () => {
          subscription.stopped = true;
          return Promise.resolve();
        },
      };
      subscriptions.push(subscription);
      return subscription;
    },
  } as unknown as EventStore;
  return { store, subscriptions };
}

const checkpoints = {
  load: () => Promise.resolve(undefined),
  save: () => Promise.resolve(),
} as unknown as CheckpointStore;
const logger = createLogger('restarts-spec', 'silent');

const consumers = {
  'the process manager': (store: EventStore) =>
    new ProcessManager(
      store,
      {
        streamPrefixes: () => ['station-fault-'],
        ofStream: () => undefined,
      } as unknown as ProcessCatalog,
      {} as RoleQueueSet,
      checkpoints,
      logger,
    ),
  'a log follower': (store: EventStore) =>
    new LogFollower({
      name: 'timers',
      store,
      checkpoints,
      streamPrefixes: ['station-fault-'],
      logger,
      handle: () => Promise.resolve(),
    }),
};

describe.each(Object.entries(consumers))('%s', (_name, create) => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('restarts after a failure that comes after a stop in its retry delay', async () => {
    const { store, subscriptions } = failingStore();
    const consumer = create(store);
    await consumer.start();
    subscriptions[0].fail(new Error('database down'));
    await consumer.stop();
    await consumer.start();

    subscriptions[1].fail(new Error('database down again'));
    await jest.advanceTimersByTimeAsync(1000);

    expect(subscriptions).toHaveLength(3);
    await consumer.stop();
  });

  it('does not restart twice for a late error of a subscription it gave up on', async () => {
    const { store, subscriptions } = failingStore();
    const consumer = create(store);
    await consumer.start();
    subscriptions[0].fail(new Error('database down'));
    await jest.advanceTimersByTimeAsync(1000);
    expect(subscriptions).toHaveLength(2);

    subscriptions[0].fail(new Error('late news'));
    await jest.advanceTimersByTimeAsync(5000);

    expect(subscriptions).toHaveLength(2);
    expect(subscriptions[1].stopped).toBe(false);
    await consumer.stop();
    expect(subscriptions[1].stopped).toBe(true);
  });
});
