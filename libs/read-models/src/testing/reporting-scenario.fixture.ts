import type { Actor, RoleId, StationSnapshot } from '@opsdesk/domain';
import type { RecordedEvent } from '@opsdesk/event-store';
import { eventIdFor } from '@opsdesk/platform';

/**
 * Three tickets for the reporting tests, recorded by hand at known
 * instants (UTC; Shanghai is 8 hours ahead):
 *
 * - `midnight`: a gate reported at 23:38 Shanghai on 9 March, cleared by
 *   the inspector on the first visit after midnight, closed next morning
 *   (the only one whose station names its subsidiary, `sh`);
 * - `open`: a charging pile reported on 10 March, escalated, with the
 *   supplier since 14:00 Shanghai, recorded before categories existed;
 * - `repaired`: a light on 10 March, repaired by operations on site at the
 *   second attempt, closed.
 */
export const REPORTING_TICKETS = {
  midnight: '0195d1a0-0000-7000-8000-0000000000a1',
  open: '0195d1a0-0000-7000-8000-0000000000a2',
  repaired: '0195d1a0-0000-7000-8000-0000000000a3',
} as const;

export const HONGQIAO: StationSnapshot = {
  id: 'ST-310105-004',
  name: '虹桥路网点',
  address: '上海市长宁区虹桥路1号',
  district: '长宁区',
  street: '虹桥街道',
  regionId: 'rp-central',
  subsidiaryId: 'sh',
};

export const CHUANSHA: StationSnapshot = {
  id: 'ST-310115-021',
  name: '川沙地铁站网点',
  address: '上海市浦东新区川沙路2号',
  district: '浦东新区',
  street: '川沙新镇',
  regionId: 'rp-pudong',
};

export const ZHOUPU: StationSnapshot = {
  id: 'ST-310115-033',
  name: '周浦万达网点',
  address: '上海市浦东新区年家浜路3号',
  district: '浦东新区',
  street: '周浦镇',
  regionId: 'rp-pudong',
};

function person(id: string, role: RoleId): Actor {
  return { id, role, kind: 'person' };
}

function automatic(role: RoleId): Actor {
  return { id: `auto:${role}`, role, kind: 'automatic' };
}

const agent = person('agent-01', 'cs-phone-agent');
const decision = { mode: 'automatic', ruleVersion: 'test', inputs: {} };

type Step = [type: string, data: Record<string, unknown>];

/** Records a ticket's commands one by one, each at its own instant. */
class ReportingScript {
  readonly events: RecordedEvent[] = [];
  private commands = 0;

  constructor(readonly ticketId: string) {}

  at(recordedAt: string, actor: Actor, ...steps: Step[]): this {
    const commandId = `cmd-${this.ticketId.slice(-2)}-${this.commands++}`;
    const streamName = `station-fault-${this.ticketId}`;
    for (const [index, [type, data]] of steps.entries()) {
      const revision = this.events.length;
      this.events.push({
        eventId: eventIdFor(commandId, index),
        type: `station-fault.${type}`,
        schemaVersion: 1,
        data,
        metadata: {
          commandId,
          causationId: commandId,
          correlationId: commandId,
          actor,
        },
        streamName,
        revision,
        position: `${this.ticketId}/${revision}`,
        recordedAt,
        hash: `h-${revision}`,
        previousHash: revision === 0 ? '' : `h-${revision - 1}`,
      });
    }
    return this;
  }

  intake(
    recordedAt: string,
    callTime: string,
    station: StationSnapshot,
    fault: Record<string, unknown>,
  ): this {
    return this.at(
      recordedAt,
      agent,
      [
        'call-received',
        {
          ticketNumber: `SF-${this.ticketId.slice(-2)}`,
          reporter: { type: 'user', phone: '13800138000' },
          callTime,
          channel: 'phone',
        },
      ],
      ['fault-recorded', { station, ...fault }],
    );
  }

  toInspector(times: [string, string, string], inspectorId: string): this {
    const [created, dispatched, assigned] = times;
    return this.at(created, agent, ['task-created', {}])
      .at(dispatched, automatic('dispatch-manager'), [
        'dispatched-to-region',
        { regionalPlatformId: 'rp', decision },
      ])
      .at(assigned, automatic('regional-platform'), [
        'inspection-assigned',
        { inspectorId, taskType: '查看网点', decision },
      ]);
  }

  notCleared(
    times: [string, string, string, string, string],
    inspectorId: string,
  ): this {
    const [arrived, reported, toDispatch, escalated, opsAssigned] = times;
    const inspector = person(inspectorId, 'regional-inspector');
    return this.at(arrived, inspector, [
      'inspector-arrived',
      { arrivedAt: arrived },
    ])
      .at(reported, inspector, [
        'fault-not-cleared',
        { findings: '需专业维修', reasonNotFixed: '无备件' },
      ])
      .at(toDispatch, person('rp-01', 'regional-platform'), [
        'unresolved-reported-to-dispatch',
        {},
      ])
      .at(escalated, person('dm-01', 'dispatch-manager'), [
        'escalated-to-station-manager',
        {},
      ])
      .at(opsAssigned, person('sm-01', 'station-manager'), [
        'ops-task-assigned',
        { opsTeamId: 'ops-1' },
      ]);
  }

  close(
    notified: string,
    closed: string,
    notifier: Actor,
    finalStatus: string,
  ): this {
    return this.at(notified, notifier, [
      'result-notified-to-customer-service',
      { resultSummary: '已处理', finalStatus },
    ]).at(
      closed,
      agent,
      ['reporter-informed', { contactOutcome: 'reached' }],
      ['ticket-closed', { closedAt: closed }],
    );
  }
}

export function reportingScenario(): RecordedEvent[][] {
  const inspectorA = person('insp-a', 'regional-inspector');
  const ops = person('ops-1', 'station-ops-team');

  const midnight = new ReportingScript(REPORTING_TICKETS.midnight)
    .intake('2026-03-09T15:40:00.000Z', '2026-03-09T15:38:00.000Z', HONGQIAO, {
      faultDescription: '出口道闸无法抬杆',
      suspectedChargingPile: false,
      category: 'barrier-gate',
    })
    .toInspector(
      [
        '2026-03-09T15:42:00.000Z',
        '2026-03-09T15:42:30.000Z',
        '2026-03-09T15:43:00.000Z',
      ],
      'insp-a',
    )
    .at('2026-03-09T16:20:00.000Z', inspectorA, [
      'inspector-arrived',
      { arrivedAt: '2026-03-09T16:20:00.000Z' },
    ])
    .at('2026-03-09T16:35:00.000Z', inspectorA, [
      'fault-cleared-by-inspector',
      { resolutionNote: '复位控制器', resolvedAt: '2026-03-09T16:35:00.000Z' },
    ])
    .close(
      '2026-03-09T16:36:00.000Z',
      '2026-03-10T01:10:00.000Z',
      automatic('regional-platform'),
      'cleared-by-inspector',
    );

  // Recorded before fault-recorded carried a category.
  const open = new ReportingScript(REPORTING_TICKETS.open)
    .intake('2026-03-10T02:05:00.000Z', '2026-03-10T02:00:00.000Z', CHUANSHA, {
      faultDescription: '2号桩屏幕黑屏',
      suspectedChargingPile: true,
    })
    .toInspector(
      [
        '2026-03-10T02:06:00.000Z',
        '2026-03-10T02:06:10.000Z',
        '2026-03-10T02:06:20.000Z',
      ],
      'insp-b',
    )
    .notCleared(
      [
        '2026-03-10T03:00:00.000Z',
        '2026-03-10T03:30:00.000Z',
        '2026-03-10T03:40:00.000Z',
        '2026-03-10T04:00:00.000Z',
        '2026-03-10T05:00:00.000Z',
      ],
      'insp-b',
    )
    .at(
      '2026-03-10T06:00:00.000Z',
      ops,
      ['fault-classified', { isChargingPileIssue: true, chargingPileId: 'cp' }],
      ['supplier-dispatched', { supplierId: 'sup-1', chargingPileId: 'cp' }],
    );

  const repaired = new ReportingScript(REPORTING_TICKETS.repaired)
    .intake('2026-03-10T08:01:00.000Z', '2026-03-10T08:00:00.000Z', ZHOUPU, {
      faultDescription: '网点照明灯不亮',
      suspectedChargingPile: false,
      category: 'lighting',
    })
    .toInspector(
      [
        '2026-03-10T08:02:00.000Z',
        '2026-03-10T08:02:05.000Z',
        '2026-03-10T08:02:10.000Z',
      ],
      'insp-b',
    )
    .notCleared(
      [
        '2026-03-10T09:00:00.000Z',
        '2026-03-10T09:10:00.000Z',
        '2026-03-10T09:15:00.000Z',
        '2026-03-10T09:20:00.000Z',
        '2026-03-10T10:00:00.000Z',
      ],
      'insp-b',
    )
    .at(
      '2026-03-10T10:30:00.000Z',
      ops,
      ['fault-classified', { isChargingPileIssue: false }],
      ['on-site-repair-started', { repairTicketId: 'SRM-1' }],
    )
    .at('2026-03-10T11:00:00.000Z', ops, [
      'ops-repair-completed',
      {
        outcome: 'not-fixed',
        result: '灯管更换后仍不亮',
        completedAt: '2026-03-10T11:00:00.000Z',
      },
    ])
    .at(
      '2026-03-10T11:10:00.000Z',
      ops,
      ['fault-classified', { isChargingPileIssue: false }],
      ['on-site-repair-started', { repairTicketId: 'SRM-2' }],
    )
    .at('2026-03-10T12:00:00.000Z', ops, [
      'ops-repair-completed',
      {
        outcome: 'fixed',
        result: '更换镇流器',
        completedAt: '2026-03-10T12:00:00.000Z',
      },
    ])
    .at('2026-03-10T12:30:00.000Z', ops, [
      'result-reported-to-station-manager',
      { result: '已修复' },
    ])
    .close(
      '2026-03-10T13:00:00.000Z',
      '2026-03-10T14:00:00.000Z',
      person('sm-01', 'station-manager'),
      'repaired-by-ops-team',
    );

  return [midnight.events, open.events, repaired.events];
}

/** The tickets' events interleaved, as the global log would hold them. */
export function byRecordedAt(
  tickets: readonly RecordedEvent[][],
): RecordedEvent[] {
  return tickets
    .flat()
    .sort(
      (a, b) =>
        a.recordedAt.localeCompare(b.recordedAt) || a.revision - b.revision,
    );
}
