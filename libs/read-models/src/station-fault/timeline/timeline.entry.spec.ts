import type { RecordedEvent } from '@opsdesk/event-store';
import {
  recordByHand,
  stationFaultScenario,
  TICKET_IDS,
} from '../../testing/station-fault-scenario.fixture';
import { timelineEntry } from './timeline.entry';

function ticketEvents(ticketId: string): RecordedEvent[] {
  const ticket = stationFaultScenario().find((t) => t.ticketId === ticketId);
  return recordByHand(ticket!.appends);
}

function summaries(ticketId: string): Record<string, string | null> {
  return Object.fromEntries(
    ticketEvents(ticketId).map((e) => [e.type, timelineEntry(e).summaryZh]),
  );
}

describe('timeline entry of an automatic dispatch', () => {
  const events = ticketEvents(TICKET_IDS.supplierRepaired);
  const dispatched = events.find(
    (e) => e.type === 'station-fault.dispatched-to-region',
  )!;

  it('carries labels, actor and a summary naming the platform', () => {
    expect(timelineEntry(dispatched)).toEqual({
      ticketId: TICKET_IDS.supplierRepaired,
      revision: dispatched.revision,
      eventId: dispatched.eventId,
      type: 'station-fault.dispatched-to-region',
      labelZh: '派发任务给区域平台',
      labelEn: 'Dispatched to regional platform',
      actorId: 'auto:dispatch-manager',
      actorRole: 'dispatch-manager',
      actorRoleZh: '调度管理岗',
      actorKind: 'automatic',
      recordedAt: dispatched.recordedAt,
      summaryZh: '派发至 rp-pudong（自动路由）',
      data: dispatched.data,
    });
  });
});

describe('timeline summaries of a ticket the supplier repaired', () => {
  const lines = summaries(TICKET_IDS.supplierRepaired);

  it('says in Chinese what each step decided', () => {
    expect(lines).toEqual({
      'station-fault.call-received': '物业方来电（王经理）',
      'station-fault.fault-recorded':
        '张江高科地铁站网点：2号充电桩无法充电，屏幕黑屏（疑似充电桩问题）',
      'station-fault.task-created': '备注：物业来电，请尽快处理',
      'station-fault.dispatched-to-region': '派发至 rp-pudong（自动路由）',
      'station-fault.inspection-assigned': '指派巡检 insp-zhang（自动指派）',
      'station-fault.inspector-arrived': '到场 2026/12/04 10:10:00',
      'station-fault.fault-not-cleared': '未排除：需供应商更换主板',
      'station-fault.unresolved-reported-to-dispatch': '备注：巡检无法现场排除',
      'station-fault.escalated-to-station-manager': null,
      'station-fault.ops-task-assigned': '指派运维团队 ops-pudong-1',
      'station-fault.fault-classified': '充电桩问题（cp-0231-02）',
      'station-fault.supplier-dispatched':
        '指派供应商 sup-teld（充电桩 cp-0231-02）',
      'station-fault.supplier-handling-completed': '已修复：更换主板后恢复充电',
      'station-fault.result-reported-to-station-manager':
        '结果：供应商已更换主板，充电正常',
      'station-fault.result-notified-to-customer-service':
        '供应商修复：2号充电桩已修复',
      'station-fault.reporter-informed': '已告知报修方（王经理确认可正常充电）',
      'station-fault.ticket-closed': null,
    });
  });
});

describe('timeline summaries of a user report the inspector cleared', () => {
  const lines = summaries(TICKET_IDS.clearedByInspector);

  it('names a reporter without a name by type only', () => {
    expect(lines['station-fault.call-received']).toBe('用户来电');
    expect(lines['station-fault.fault-cleared-by-inspector']).toBe(
      '已排除：地锁遥控器电池耗尽，已更换',
    );
  });
});

describe('timeline entry of an event type this release does not know', () => {
  const [first] = ticketEvents(TICKET_IDS.inspecting);
  const newer = { ...first, type: 'station-fault.priority-raised' };

  it('uses the type as label and gives no summary', () => {
    expect(timelineEntry(newer)).toMatchObject({
      labelZh: 'station-fault.priority-raised',
      labelEn: 'station-fault.priority-raised',
      summaryZh: null,
    });
  });
});
