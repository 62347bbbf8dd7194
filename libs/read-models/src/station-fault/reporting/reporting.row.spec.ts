import type { RecordedEvent } from '@opsdesk/event-store';
import {
  REPORTING_TICKETS,
  reportingScenario,
} from '../../testing/reporting-scenario.fixture';
import {
  nextReporting,
  type CustodyPeriodEnd,
  type CustodyPeriodStart,
  type ReportingStep,
  type ReportingTicket,
} from './reporting.row';

interface Folded {
  ticket: ReportingTicket;
  started: CustodyPeriodStart[];
  ended: CustodyPeriodEnd[];
}

function fold(events: readonly RecordedEvent[]): Folded {
  let ticket: ReportingTicket | null = null;
  const started: CustodyPeriodStart[] = [];
  const ended: CustodyPeriodEnd[] = [];
  for (const event of events) {
    const step: ReportingStep = nextReporting(ticket, event)!;
    ticket = step.ticket;
    if (step.ended) ended.push(step.ended);
    if (step.started) started.push(step.started);
  }
  return { ticket: ticket!, started, ended };
}

const [midnight, open, repaired] = reportingScenario();

describe('reporting of a gate reported before midnight and cleared after it', () => {
  const { ticket, started, ended } = fold(midnight);

  it('counts it on the Shanghai day of the call and times the clear from intake', () => {
    const { state, ...row } = ticket;
    expect(row).toEqual({
      ticketId: REPORTING_TICKETS.midnight,
      ticketNumber: 'SF-a1',
      reportDay: '2026-03-09',
      callTime: '2026-03-09T15:38:00.000Z',
      recordedAt: '2026-03-09T15:40:00.000Z',
      regionId: 'rp-central',
      stationId: 'ST-310105-004',
      stationName: '虹桥路网点',
      district: '长宁区',
      subsidiaryId: 'sh',
      category: 'barrier-gate',
      status: 'CLOSED',
      inspectionVisits: 1,
      firstVisitResult: 'cleared',
      escalated: false,
      supplierInvolved: false,
      repairedOnSite: false,
      resolution: 'inspector',
      clearedAt: '2026-03-09T16:35:00.000Z',
      timeToClearS: 3300,
      closedAt: '2026-03-10T01:10:00.000Z',
      updatedAt: '2026-03-10T01:10:00.000Z',
      lastRevision: 9,
      custodyPeriods: 6,
      holderSince: null,
    });
    expect(state.status).toBe('CLOSED');
    expect(state).not.toHaveProperty('reporter');
  });

  it('charges each holder the exact seconds, across midnight too', () => {
    expect(
      started.map(({ seq, role, assigneeId, fromRevision }) => [
        seq,
        role,
        assigneeId,
        fromRevision,
      ]),
    ).toEqual([
      [0, 'cs-phone-agent', null, 1],
      [1, 'dispatch-manager', null, 2],
      [2, 'regional-platform', null, 3],
      [3, 'regional-inspector', 'insp-a', 4],
      [4, 'regional-platform', null, 6],
      [5, 'cs-phone-agent', null, 7],
    ]);
    expect(ended.map((e) => [e.seq, e.durationS, e.toRevision])).toEqual([
      [0, 120, 2],
      [1, 30, 3],
      [2, 30, 4],
      [3, 3120, 6],
      [4, 60, 7],
      [5, 30840, 9],
    ]);
  });
});

describe('reporting of a pile recorded before categories, now with the supplier', () => {
  const { ticket, started, ended } = fold(open);

  it('is open, escalated, with the supplier, and has no time to clear', () => {
    expect(ticket).toMatchObject({
      reportDay: '2026-03-10',
      category: 'charging-pile',
      status: 'SUPPLIER_HANDLING',
      firstVisitResult: 'not-cleared',
      escalated: true,
      supplierInvolved: true,
      repairedOnSite: false,
      resolution: null,
      clearedAt: null,
      timeToClearS: null,
      closedAt: null,
      custodyPeriods: 9,
      holderSince: '2026-03-10T06:00:00.000Z',
    });
  });

  it('leaves the supplier period open and every earlier one ended', () => {
    expect(started[started.length - 1]).toEqual({
      ticketId: REPORTING_TICKETS.open,
      seq: 8,
      role: 'charging-pile-supplier',
      assigneeId: 'sup-1',
      fromAt: '2026-03-10T06:00:00.000Z',
      fromRevision: 11,
    });
    expect(ended.map((e) => e.durationS)).toEqual([
      60, 10, 10, 5020, 600, 1200, 3600, 3600,
    ]);
  });
});

describe('reporting of a light operations repaired at the second attempt', () => {
  const { ticket, started, ended } = fold(repaired);

  it('counts the first fixed repair as the clear, on site by operations', () => {
    expect(ticket).toMatchObject({
      category: 'lighting',
      resolution: 'ops-team',
      repairedOnSite: true,
      supplierInvolved: false,
      clearedAt: '2026-03-10T12:00:00.000Z',
      timeToClearS: 14340,
      closedAt: '2026-03-10T14:00:00.000Z',
    });
  });

  it('keeps operations as one holder through both attempts', () => {
    expect(started.map((s) => s.role)).toEqual([
      'cs-phone-agent',
      'dispatch-manager',
      'regional-platform',
      'regional-inspector',
      'regional-platform',
      'dispatch-manager',
      'station-manager',
      'station-ops-team',
      'station-manager',
      'cs-phone-agent',
    ]);
    expect(ended.map((e) => e.durationS)).toEqual([
      60, 5, 5, 4070, 300, 300, 2400, 9000, 1800, 3600,
    ]);
  });
});

describe('reporting given an event it already holds', () => {
  const { ticket } = fold(midnight);

  it('returns null for the last event and for an older one', () => {
    expect(nextReporting(ticket, midnight[9])).toBeNull();
    expect(nextReporting(ticket, midnight[3])).toBeNull();
  });

  it('refuses an event after a hole in the stream', () => {
    const { ticket: early } = fold(midnight.slice(0, 3));
    expect(() => nextReporting(early, midnight[5])).toThrow(
      expect.objectContaining({
        code: 'PROJECTION_REVISION_GAP',
        projection: 'reporting',
        expectedRevision: 3,
        actualRevision: 5,
      }),
    );
  });
});
