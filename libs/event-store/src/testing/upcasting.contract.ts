import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventStore, NewEvent, RecordedEvent } from '../event-store.port';
import type { Upcaster } from '../upcasting/upcaster';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { withUpcasting } from '../upcasting/with-upcasting';
import {
  commandBatch,
  eventually,
  record,
  uniqueName,
} from './contract-fixtures';

/** A test event type whose version 2 split the name into two fields. */
export const RENAMED_V1_TO_V2: Upcaster = {
  type: 'contract.person-named',
  fromVersion: 1,
  toVersion: 2,
  upcast(data) {
    const [givenName, ...rest] = String(data.name).split(' ');
    return { givenName, familyName: rest.join(' ') };
  },
};

export interface UpcastingHarness {
  /** The store as it stores events, without upcasting. */
  store: EventStore;
  /** The schema version and data of each stored event, read past the port. */
  storedRows(stream: string): Promise<{ version: number; data: unknown }[]>;
  cleanup(): Promise<void>;
}

function personNamed(name: string): NewEvent[] {
  const [event] = commandBatch(1, () => ({ name }));
  return [{ ...event, type: RENAMED_V1_TO_V2.type, schemaVersion: 1 }];
}

/** Upcasting on every read path, over one adapter. */
export function describeUpcastingOver(
  name: string,
  factory: () => Promise<UpcastingHarness>,
): void {
  describe(`a version-1 event in the ${name} store, read through upcasting`, () => {
    let harness: UpcastingHarness;
    const stream = uniqueName('upcast');
    let viaStream: RecordedEvent[];
    let viaAll: RecordedEvent[];
    let viaSubscription: RecordedEvent[];

    beforeAll(async () => {
      harness = await factory();
      const store = withUpcasting(
        harness.store,
        new UpcasterRegistry([RENAMED_V1_TO_V2]),
      );
      const recorder = record(store, { filter: { streamPrefixes: [stream] } });
      await store.appendToStream(stream, personNamed('Ada King Lovelace'), {
        expectedRevision: 'no-stream',
      });
      viaStream = await store.readStream(stream);
      viaAll = await eventually(
        () => store.readAll({ filter: { streamPrefixes: [stream] } }),
        (events) => events.length >= 1,
      );
      viaSubscription = await recorder.waitFor(1);
      await recorder.subscription.stop();
    });

    afterAll(async () => {
      await harness?.cleanup();
    });

    it('comes back as version 2 from readStream, readAll and a subscription', () => {
      for (const events of [viaStream, viaAll, viaSubscription]) {
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          type: RENAMED_V1_TO_V2.type,
          schemaVersion: 2,
          data: { givenName: 'Ada', familyName: 'King Lovelace' },
        });
      }
    });

    it('is still stored as version 1 with its original data', async () => {
      expect(await harness.storedRows(stream)).toEqual([
        { version: 1, data: { name: 'Ada King Lovelace' } },
      ]);
      const [stored] = await harness.store.readStream(stream);
      expect(stored).toMatchObject({
        schemaVersion: 1,
        data: { name: 'Ada King Lovelace' },
      });
      expect(stored.hash).toBe(viaStream[0].hash);
    });
  });
}
