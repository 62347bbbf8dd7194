import type { RecordedEvent } from '@opsdesk/event-store';
import { TICKET_IDS } from '../../../../libs/read-models/src/testing/station-fault-scenario.fixture';
import { scenarioStore } from '../testing/scenario-store';
import { verifyStream } from './stream-verdict';

describe('verifying one stream', () => {
  let events: RecordedEvent[];
  const name = `station-fault-${TICKET_IDS.supplierRepaired}`;

  beforeAll(async () => {
    const { store } = await scenarioStore();
    events = await store.readStream(name);
    await store.close();
  });

  it('finds every rule holding in a stream the workers wrote', () => {
    expect(verifyStream(name, events)).toBeUndefined();
  });

  it('names the revision whose data was changed after the fact', () => {
    const tampered = events.map((e) =>
      e.revision === 3
        ? { ...e, data: { ...e.data, regionalPlatformId: 'rp-elsewhere' } }
        : e,
    );
    expect(verifyStream(name, tampered)).toMatchObject({
      streamName: name,
      revision: 3,
      rule: 'hash-mismatch',
    });
  });

  it('names the revision after a deleted event', () => {
    const gap = events.filter((e) => e.revision !== 5);
    expect(verifyStream(name, gap)).toMatchObject({
      revision: 6,
      rule: 'revision-gap',
    });
  });

  it('names a stream of no registered process', () => {
    expect(verifyStream('parking-fine-1', events)).toMatchObject({
      revision: 0,
      rule: 'unknown-process',
    });
  });
});

describe('verifying a stream whose chain is intact but whose steps are not', () => {
  it('names the first event its state machine does not allow', async () => {
    const { store } = await scenarioStore();
    const source = await store.readStream(
      `station-fault-${TICKET_IDS.inspectionAssigned}`,
    );
    const skipping = 'station-fault-0193a6f0-1c2d-7a01-8b11-0000000000ff';
    // Intake, then straight to an inspector: no task, no dispatch.
    const kept = [source[0], source[1], source[4]];
    await store.appendToStream(
      skipping,
      kept.map((e, i) => ({
        eventId: `0193a6f0-1c2d-7a01-8b11-00000000f0${i}0`,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
        metadata: e.metadata,
      })),
      { expectedRevision: 'no-stream' },
    );
    const stored = await store.readStream(skipping);
    expect(verifyStream(skipping, stored)).toMatchObject({
      streamName: skipping,
      revision: 2,
      rule: 'event-not-allowed',
    });
    await store.close();
  });
});
