import { InMemoryEventStore, type RecordedEvent } from '@opsdesk/event-store';
import { appendAll } from '../../../../libs/read-models/src/testing/read-model.harness';
import {
  interleavedAppends,
  stationFaultScenario,
} from '../../../../libs/read-models/src/testing/station-fault-scenario.fixture';

/** An in-memory log holding the read-model tests' four tickets. */
export async function scenarioStore(): Promise<{
  store: InMemoryEventStore;
  log: RecordedEvent[];
}> {
  const store = new InMemoryEventStore();
  await appendAll(store, interleavedAppends(stationFaultScenario()));
  return { store, log: await store.readAll() };
}
