import { InMemoryEventStore, type RecordedEvent } from '@opsdesk/event-store';
import {
  appendAll,
  eventCount,
  stationFaultLog,
} from '../testing/read-model.harness';
import {
  interleavedAppends,
  stationFaultScenario,
} from '../testing/station-fault-scenario.fixture';
import {
  nextInbox,
  type InboxFold,
  type InboxItemRow,
} from './inbox/inbox.row';
import {
  nextTicketView,
  type TicketViewRow,
} from './ticket-view/ticket-view.row';

/** Folds the log per stream as the projections do, minus the tables. */
function foldLog(events: readonly RecordedEvent[]) {
  const views = new Map<string, TicketViewRow>();
  const folds = new Map<string, InboxFold>();
  const inbox = new Map<string, InboxItemRow>();
  for (const event of events) {
    const view = nextTicketView(views.get(event.streamName) ?? null, event);
    if (view) views.set(event.streamName, view);
    const step = nextInbox(folds.get(event.streamName) ?? null, event);
    if (!step) continue;
    folds.set(event.streamName, step.fold);
    if (step.item) inbox.set(step.item.ticketId, step.item);
    else inbox.delete(event.streamName.slice('station-fault-'.length));
  }
  return {
    statuses: Object.fromEntries(
      [...views.values()].map((v) => [v.ticketNumber, v.status]),
    ),
    inbox: [...inbox.values()]
      .map((i) => [i.ticketNumber, i.role, i.assigneeId])
      .sort(),
  };
}

describe('the folds over a log recorded by the in-memory store', () => {
  let log: RecordedEvent[];

  beforeAll(async () => {
    const store = new InMemoryEventStore();
    const appends = interleavedAppends(stationFaultScenario());
    await appendAll(store, appends);
    log = await stationFaultLog(store, eventCount(appends));
    await store.close();
  });

  it('end with each ticket in its state and the open ones in an inbox', () => {
    expect(foldLog(log)).toEqual({
      statuses: {
        'SF-20261204-0042': 'CLOSED',
        'SF-20261204-0043': 'INSPECTING',
        'SF-20261204-0044': 'RESOLVED_BY_INSPECTION',
        'SF-20261204-0045': 'INSPECTION_ASSIGNED',
      },
      inbox: [
        ['SF-20261204-0043', 'regional-inspector', 'insp-zhang'],
        ['SF-20261204-0044', 'regional-platform', null],
        ['SF-20261204-0045', 'regional-inspector', 'insp-zhang'],
      ],
    });
  });

  it('end the same when every event is delivered twice in a row', () => {
    const twice = log.flatMap((event) => [event, event]);
    expect(foldLog(twice)).toEqual(foldLog(log));
  });

  it('end the same when the log is replayed after a prefix of it', () => {
    const replayed = [...log.slice(0, 20), ...log];
    expect(foldLog(replayed)).toEqual(foldLog(log));
  });
});
