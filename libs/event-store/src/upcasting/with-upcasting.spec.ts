import { describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { commandBatch, uniqueName } from '../testing/contract-fixtures';
import {
  describeUpcastingOver,
  RENAMED_V1_TO_V2,
} from '../testing/upcasting.contract';
import { UpcasterRegistry } from './upcaster-registry';
import { withUpcasting } from './with-upcasting';

describeUpcastingOver('in-memory', async () => {
  const store = new InMemoryEventStore({ pollIntervalMs: 20 });
  return {
    store,
    async storedRows(stream) {
      const events = await store.readStream(stream);
      return events.map((e) => ({ version: e.schemaVersion, data: e.data }));
    },
    cleanup: () => store.close(),
  };
});

describe('a subscription through upcasting whose upcaster throws', () => {
  it('stops at that event and reports the error', async () => {
    const failure = new Error('cannot upcast');
    const inner = new InMemoryEventStore({ pollIntervalMs: 20 });
    const store = withUpcasting(
      inner,
      new UpcasterRegistry([
        {
          ...RENAMED_V1_TO_V2,
          upcast: () => {
            throw failure;
          },
        },
      ]),
    );
    const stream = uniqueName('upcast');
    const [event] = commandBatch(1);
    await store.appendToStream(
      stream,
      [{ ...event, type: RENAMED_V1_TO_V2.type }],
      { expectedRevision: 'no-stream' },
    );

    const reported = await new Promise<unknown>((resolve) => {
      store.subscribeToAll({
        onEvent: async () => undefined,
        onError: resolve,
      });
    });

    expect(reported).toBe(failure);
    await store.close();
  });
});
