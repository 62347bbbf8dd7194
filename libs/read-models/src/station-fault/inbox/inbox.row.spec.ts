import type { RecordedEvent } from '@opsdesk/event-store';
import {
  recordByHand,
  stationFaultScenario,
  TICKET_IDS,
} from '../../testing/station-fault-scenario.fixture';
import { nextInbox, type InboxFold, type InboxStep } from './inbox.row';

function ticketEvents(ticketId: string): RecordedEvent[] {
  const ticket = stationFaultScenario().find((t) => t.ticketId === ticketId);
  return recordByHand(ticket!.appends);
}

/** Every step, in order, applying each event once. */
function steps(events: readonly RecordedEvent[]): InboxStep[] {
  let previous: InboxFold | null = null;
  return events.map((event) => {
    const step = nextInbox(previous, event)!;
    previous = step.fold;
    return step;
  });
}

function byType(events: readonly RecordedEvent[], type: string): number {
  return events.findIndex((e) => e.type === `station-fault.${type}`);
}

describe('inbox of a ticket handed from dispatch to an inspector who arrives', () => {
  const events = ticketEvents(TICKET_IDS.inspecting);
  const all = steps(events);
  const assigned = byType(events, 'inspection-assigned');
  const arrived = byType(events, 'inspector-arrived');

  it('files it under the inspector since the assignment', () => {
    expect(all[assigned].item).toEqual({
      ticketId: TICKET_IDS.inspecting,
      role: 'regional-inspector',
      assigneeId: 'insp-zhang',
      status: 'INSPECTION_ASSIGNED',
      since: events[assigned].recordedAt,
      ticketNumber: 'SF-20261204-0043',
      stationName: '金桥国际商业广场网点',
      regionId: 'region-pudong',
      subsidiaryId: null,
    });
  });

  it('keeps the date it reached the inspector when the inspector arrives', () => {
    expect(all[arrived].item).toMatchObject({
      status: 'INSPECTING',
      since: events[assigned].recordedAt,
    });
  });

  it('dated the earlier hand-over to the platform at the dispatch event', () => {
    const dispatched = byType(events, 'dispatched-to-region');
    expect(all[dispatched].item).toMatchObject({
      role: 'regional-platform',
      assigneeId: null,
      since: events[dispatched].recordedAt,
    });
  });
});

describe('inbox of a ticket that is closed', () => {
  const events = ticketEvents(TICKET_IDS.supplierRepaired);
  const all = steps(events);
  const last = all[all.length - 1];

  it('has no item and keeps the fold at the last revision', () => {
    expect(last.item).toBeNull();
    expect(last.fold).toMatchObject({
      lastRevision: events.length - 1,
      holderSince: null,
    });
  });

  it('stays closed when an earlier event comes again', () => {
    expect(nextInbox(last.fold, events[3])).toBeNull();
  });
});
