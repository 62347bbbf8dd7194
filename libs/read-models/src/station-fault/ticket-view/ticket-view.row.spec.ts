import type { RecordedEvent } from '@opsdesk/event-store';
import {
  recordByHand,
  stationFaultScenario,
  TICKET_IDS,
} from '../../testing/station-fault-scenario.fixture';
import {
  nextTicketView,
  type TicketViewFold,
  type TicketViewRow,
} from './ticket-view.row';

function ticketEvents(ticketId: string): RecordedEvent[] {
  const ticket = stationFaultScenario().find((t) => t.ticketId === ticketId);
  return recordByHand(ticket!.appends);
}

function fold(events: readonly RecordedEvent[]): TicketViewRow {
  let previous: TicketViewFold | null = null;
  let row: TicketViewRow | null = null;
  for (const event of events) {
    row = nextTicketView(previous, event) ?? row;
    if (row) previous = row;
  }
  return row!;
}

describe('ticket view of a ticket the supplier repaired and the centre closed', () => {
  const events = ticketEvents(TICKET_IDS.supplierRepaired);
  const row = fold(events);

  it('holds every column read off the folded state', () => {
    const { state, ...columns } = row;
    expect(columns).toEqual({
      ticketId: TICKET_IDS.supplierRepaired,
      processId: 'station-fault',
      ticketNumber: 'SF-20261204-0042',
      status: 'CLOSED',
      statusZh: '已关闭',
      holderRole: null,
      holderRoleZh: null,
      assigneeId: null,
      stationId: 'st-pd-0231',
      stationName: '张江高科地铁站网点',
      district: '浦东新区',
      street: '张江镇',
      regionId: 'region-pudong',
      regionalPlatformId: 'rp-pudong',
      inspectorId: 'insp-zhang',
      opsTeamId: 'ops-pudong-1',
      supplierId: 'sup-teld',
      reporterType: 'property-management',
      reporterName: '王经理',
      reporterPhone: '13800138000',
      faultDescription: '2号充电桩无法充电，屏幕黑屏',
      suspectedChargingPile: true,
      isChargingPileIssue: true,
      finalStatus: 'repaired-by-supplier',
      reportedAt: events[0].recordedAt,
      updatedAt: events[events.length - 1].recordedAt,
      closedAt: '2026-12-04T09:30:00.000Z',
      lastRevision: events.length - 1,
      subsidiaryId: null,
    });
    expect(state).toMatchObject({
      status: 'CLOSED',
      inspectionVisits: 1,
      handledBy: 'supplier',
    });
  });
});

describe('ticket view of a ticket whose inspector is on site', () => {
  const row = fold(ticketEvents(TICKET_IDS.inspecting));

  it('names the inspector as holder and the state in Chinese', () => {
    expect(row).toMatchObject({
      status: 'INSPECTING',
      statusZh: '巡检现场排查中',
      holderRole: 'regional-inspector',
      holderRoleZh: '区域巡检',
      assigneeId: 'insp-zhang',
      closedAt: null,
      finalStatus: null,
      isChargingPileIssue: null,
    });
  });
});

describe('ticket view given an event it already holds', () => {
  const events = ticketEvents(TICKET_IDS.inspecting);
  const row = fold(events);

  it('returns null for the last event and for an older one', () => {
    expect(nextTicketView(row, events[events.length - 1])).toBeNull();
    expect(nextTicketView(row, events[1])).toBeNull();
  });
});

describe('ticket view given an event after a hole in the stream', () => {
  const events = ticketEvents(TICKET_IDS.inspecting);
  const afterTwo = fold(events.slice(0, 2));

  it('refuses it with the stream and both revisions', () => {
    expect(() => nextTicketView(afterTwo, events[3])).toThrow(
      expect.objectContaining({
        code: 'PROJECTION_REVISION_GAP',
        projection: 'ticket-view',
        streamName: events[3].streamName,
        expectedRevision: 2,
        actualRevision: 3,
      }),
    );
  });

  it('refuses a first event that is not revision 0', () => {
    expect(() => nextTicketView(null, events[1])).toThrow(
      expect.objectContaining({
        code: 'PROJECTION_REVISION_GAP',
        expectedRevision: 0,
        actualRevision: 1,
      }),
    );
  });
});
