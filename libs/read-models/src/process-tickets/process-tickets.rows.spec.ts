import type { RecordedEvent } from '@opsdesk/event-store';
import { ProjectionRevisionGapError } from '../read-model.errors';
import { orderAnomalyReadModel } from '../order-anomaly/order-anomaly.read-model';
import {
  nextProcessTicketRows,
  type ProcessTicketFold,
  type ProcessTicketStep,
} from './process-tickets.rows';

const TICKET = '01956f3a-7c2e-7a10-9b1e-0a0000000025';
const STREAM = `order-anomaly-${TICKET}`;

function recorded(
  revision: number,
  type: string,
  data: Record<string, unknown>,
  at: string,
  role = 'cs-phone-agent',
): RecordedEvent {
  return {
    eventId: `e-${revision}`,
    streamName: STREAM,
    revision,
    position: String(revision),
    type: `order-anomaly.${type}`,
    schemaVersion: 1,
    data,
    metadata: {
      commandId: `c-${revision}`,
      commandType: 'X',
      causationId: `c-${revision}`,
      correlationId: 'c-0',
      actor: { id: `${role}-1`, role, kind: 'person' },
    },
    recordedAt: at,
    hash: 'h',
    previousHash: 'p',
  } as unknown as RecordedEvent;
}

const LOG: RecordedEvent[] = [
  recorded(
    0,
    'reported',
    {
      ticketNumber: 'OA-20260302-0001',
      subsidiaryId: 'sh',
      orderId: 'ORD-1',
      memberId: 'M-1',
      vehicleId: 'V-1',
      caller: { phone: '13800138000' },
      callTime: '2026-03-02T05:50:00.000Z',
      description: '还车后仍在计费',
    },
    '2026-03-02T15:55:00.000Z',
  ),
  recorded(
    1,
    'trajectory-reviewed',
    {
      usageStartedAt: '2026-03-02T03:10:00.000Z',
      usageEndedAt: '2026-03-02T04:05:00.000Z',
    },
    '2026-03-02T16:01:00.000Z',
  ),
  recorded(
    2,
    'order-restore-failed',
    { reason: '锁定' },
    '2026-03-02T16:02:00.000Z',
  ),
  recorded(
    3,
    'reported-to-tech-manager',
    { summary: 's' },
    '2026-03-02T16:02:00.000Z',
  ),
  recorded(
    4,
    'e-coin-top-up-requested',
    { orderFeeFen: 2750 },
    '2026-03-02T16:03:00.000Z',
  ),
  recorded(
    5,
    'e-coin-deducted',
    { eCoinFen: 2750 },
    '2026-03-02T16:20:00.000Z',
  ),
  recorded(
    6,
    'order-settled',
    { orderFeeFen: 2750, settledAt: '2026-03-02T16:20:00.000Z' },
    '2026-03-02T16:20:00.000Z',
  ),
  recorded(
    7,
    'user-notified-of-result',
    { contactOutcome: 'reached' },
    '2026-03-02T16:20:00.000Z',
  ),
  recorded(
    8,
    'tech-finding-recorded',
    { finding: 'f', fixed: true },
    '2026-03-03T01:00:00.000Z',
    'tech-manager',
  ),
];

function steps(events: readonly RecordedEvent[]): ProcessTicketStep[] {
  let fold: ProcessTicketFold | null = null;
  return events.map((event) => {
    const step = nextProcessTicketRows(orderAnomalyReadModel, fold, event)!;
    fold = step.fold;
    return step;
  });
}

describe('the rows of an order-anomaly case, event by event', () => {
  const all = steps(LOG);

  it('counts the case on the Shanghai day it was reported, across midnight UTC', () => {
    // 23:55 on 2 March in Shanghai, 15:55 UTC.
    expect(all[0].ticket).toMatchObject({
      reportedDay: '2026-03-02',
      subsidiaryId: 'sh',
      ticketNumber: 'OA-20260302-0001',
      headline: '订单 ORD-1',
    });
    expect(all[1].ticket.reportedDay).toBe('2026-03-02');
  });

  it('keeps the date the agent received it while the agent keeps it', () => {
    expect(all[4].inbox).toMatchObject({
      role: 'cs-phone-agent',
      since: '2026-03-02T15:55:00.000Z',
    });
  });

  it('files it under technical management from the settlement', () => {
    expect(all[7].inbox).toMatchObject({
      role: 'tech-manager',
      since: '2026-03-02T16:20:00.000Z',
    });
    expect(all[7].ticket).toMatchObject({ terminal: false, closedAt: null });
  });

  it('leaves every inbox and dates the close at the finding', () => {
    const last = all[8];
    expect(last.inbox).toBeNull();
    expect(last.ticket).toMatchObject({
      status: 'CLOSED_SETTLED_BY_ECOIN',
      statusZh: 'E币扣款结算结束',
      terminal: true,
      closedAt: '2026-03-03T01:00:00.000Z',
      outcome: 'settled-by-e-coin',
      amountFen: 2750,
    });
  });

  it('labels the timeline in Chinese with the actor’s role', () => {
    expect(all[8].timeline).toMatchObject({
      labelZh: '技术管理岗反馈原因',
      actorRole: 'tech-manager',
      actorRoleZh: '总部技术管理岗',
      summaryZh: '已修复：f',
    });
  });

  it('applies nothing for an event it already holds', () => {
    expect(
      nextProcessTicketRows(orderAnomalyReadModel, all[8].fold, LOG[3]),
    ).toBeNull();
  });

  it('refuses an event that leaves a hole after the last one', () => {
    expect(() =>
      nextProcessTicketRows(orderAnomalyReadModel, all[1].fold, LOG[4]),
    ).toThrow(ProjectionRevisionGapError);
  });

  it('keeps going with no summary when an event’s data is odd', () => {
    const odd = recorded(
      1,
      'trajectory-reviewed',
      { usageStartedAt: 'soon' },
      '2026-03-02T16:01:00.000Z',
    );
    const step = nextProcessTicketRows(
      orderAnomalyReadModel,
      all[0].fold,
      odd,
    )!;
    expect(step.timeline.summaryZh).toBeNull();
    expect(step.ticket.status).toBe('USAGE_DETERMINED');
  });
});
