import { describeEventStoreContract } from '../testing/event-store.contract';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreContract('in-memory', async () => {
  const store = new InMemoryEventStore({ pollIntervalMs: 50 });
  return {
    store,
    cleanup: () => store.close(),
    dropConnections: async () => store.interruptSubscriptions(),
  };
});
