import { describe, it } from '@jest/globals';
import { describeEventStoreContract } from '../testing/event-store.contract';
import {
  KURRENTDB_CONTRACT_OPTIONS,
  storedRowsIn,
} from '../testing/kurrentdb-harness';
import { describeUpcastingOver } from '../testing/upcasting.contract';
import { connectKurrentDb } from './kurrentdb-connection';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const url = process.env.KURRENTDB_URL;
const SKIPPED = 'KurrentDB contract suite skipped: KURRENTDB_URL is not set';

if (url) {
  // Tests keep apart by unique stream names, so the server need not be
  // empty. The client cannot be told to drop its connection, so
  // `dropConnections` drops the store's server subscriptions instead.
  describeEventStoreContract(
    'kurrentdb',
    async () => {
      const store = new KurrentDbEventStore(connectKurrentDb(url), {
        pollIntervalMs: 100,
        backoff: { initialMs: 20, maxMs: 500 },
      });
      return {
        store,
        cleanup: () => store.close(),
        dropConnections: async () => store.interruptSubscriptions(),
      };
    },
    KURRENTDB_CONTRACT_OPTIONS,
  );

  describeUpcastingOver('kurrentdb', async () => {
    const connection = connectKurrentDb(url);
    const store = new KurrentDbEventStore(connection, {
      pollIntervalMs: 100,
      ownsConnection: false,
    });
    return {
      store,
      storedRows: (stream) => storedRowsIn(connection, stream),
      async cleanup() {
        await store.close();
        await connection.dispose();
      },
    };
  });
} else {
  process.stdout.write(`${SKIPPED}\n`);
  describe.skip(SKIPPED, () => {
    it('runs every contract test against the server KURRENTDB_URL names', () => {
      // Never runs: the suite above does, once KURRENTDB_URL is set.
    });
  });
}
