import type {
  Actor,
  RoleId,
  StationFaultEvent,
  StationSnapshot,
} from '@opsdesk/domain';
import type { NewEvent, RecordedEvent } from '@opsdesk/event-store';
import { eventIdFor } from '@opsdesk/platform';

/**
 * Hand-written station-fault histories for the read-model tests: what a
 * day at the Pudong and Minhang desks could leave in the log.
 */

/** One command's events: appended together, as the workers do. */
export interface ScenarioAppend {
  streamName: string;
  events: NewEvent[];
}

export interface ScenarioTicket {
  ticketId: string;
  streamName: string;
  appends: ScenarioAppend[];
}

export const TICKET_IDS = {
  /** Charging pile, not cleared, supplier repaired it, closed. */
  supplierRepaired: '0193a6f0-1c2d-7a01-8b11-00000000000a',
  /** Inspector zhang on site. */
  inspecting: '0193a6f0-1c2d-7a01-8b11-00000000000b',
  /** Cleared by inspector li, back with the regional platform. */
  clearedByInspector: '0193a6f0-1c2d-7a01-8b11-00000000000c',
  /** Reported by a user, assigned to inspector zhang, not yet on site. */
  inspectionAssigned: '0193a6f0-1c2d-7a01-8b11-00000000000d',
} as const;

export const ZHANGJIANG: StationSnapshot = {
  id: 'st-pd-0231',
  name: '张江高科地铁站网点',
  address: '上海市浦东新区张江路665号',
  district: '浦东新区',
  street: '张江镇',
  regionId: 'region-pudong',
};

export const JINQIAO: StationSnapshot = {
  id: 'st-pd-0118',
  name: '金桥国际商业广场网点',
  address: '上海市浦东新区新金桥路58号',
  district: '浦东新区',
  street: '金桥镇',
  regionId: 'region-pudong',
};

export const XINZHUANG: StationSnapshot = {
  id: 'st-mh-0407',
  name: '莘庄地铁站北广场网点',
  address: '上海市闵行区莘建路1号',
  district: '闵行区',
  street: '莘庄镇',
  regionId: 'region-minhang',
};

const people = {
  agent: person('agent-0017', 'cs-phone-agent', '李娜'),
  router: automatic('dispatch-manager'),
  dispatcher: person('dm-0003', 'dispatch-manager', '陈强'),
  assigner: automatic('regional-platform'),
  platformPudong: person('rp-pudong-01', 'regional-platform', '周敏'),
  platformMinhang: person('rp-minhang-01', 'regional-platform', '吴刚'),
  inspectorZhang: person('insp-zhang', 'regional-inspector', '张伟'),
  inspectorLi: person('insp-li', 'regional-inspector', '李军'),
  stationManager: person('sm-pudong', 'station-manager', '王芳'),
  opsTeam: person('ops-pudong-1', 'station-ops-team', '浦东运维一组'),
  supplier: person('sup-teld-07', 'charging-pile-supplier', '特来电 赵工'),
};

function person(id: string, role: RoleId, name: string): Actor {
  return { id, role, kind: 'person', subsidiary: 'evcard-shanghai', name };
}

function automatic(role: RoleId): Actor {
  return { id: `auto:${role}`, role, kind: 'automatic' };
}

function routed(inputs: Record<string, unknown>) {
  return { mode: 'automatic' as const, ruleVersion: 'routing-2026.1', inputs };
}

/** Builds a ticket's appends, one command at a time. */
class TicketScript {
  readonly streamName: string;
  readonly appends: ScenarioAppend[] = [];

  constructor(readonly ticketId: string) {
    this.streamName = `station-fault-${ticketId}`;
  }

  command(actor: Actor, ...events: StationFaultEvent[]): this {
    const commandId = `cmd-${this.ticketId.slice(-4)}-${this.appends.length}`;
    const first = this.appends[0]?.events[0]?.eventId;
    this.appends.push({
      streamName: this.streamName,
      events: events.map((event, index) => ({
        eventId: eventIdFor(commandId, index),
        type: event.type,
        schemaVersion: 1,
        data: { ...event.data } as Record<string, unknown>,
        metadata: {
          commandId,
          causationId: commandId,
          correlationId: first ?? eventIdFor(commandId, 0),
          actor,
        },
      })),
    });
    return this;
  }

  ticket(): ScenarioTicket {
    const { ticketId, streamName, appends } = this;
    return { ticketId, streamName, appends };
  }
}

function intake(
  ticketId: string,
  ticketNumber: string,
  station: StationSnapshot,
  fault: { description: string; pile?: string },
  reporter: {
    type: 'property-management' | 'user';
    name?: string;
    phone: string;
  },
  callTime: string,
): TicketScript {
  return new TicketScript(ticketId)
    .command(
      people.agent,
      {
        type: 'station-fault.call-received',
        schemaVersion: 1,
        data: { ticketNumber, reporter, callTime, channel: 'phone' },
      },
      {
        type: 'station-fault.fault-recorded',
        schemaVersion: 1,
        data: fault.pile
          ? {
              station,
              faultDescription: fault.description,
              suspectedChargingPile: true,
              chargingPileId: fault.pile,
            }
          : {
              station,
              faultDescription: fault.description,
              suspectedChargingPile: false,
            },
      },
    )
    .command(people.agent, {
      type: 'station-fault.task-created',
      schemaVersion: 1,
      data: { note: '物业来电，请尽快处理' },
    })
    .command(people.router, {
      type: 'station-fault.dispatched-to-region',
      schemaVersion: 1,
      data: {
        regionalPlatformId:
          station.regionId === 'region-pudong' ? 'rp-pudong' : 'rp-minhang',
        decision: routed({
          district: station.district,
          street: station.street,
        }),
      },
    });
}

function assignInspector(script: TicketScript, inspectorId: string) {
  return script.command(people.assigner, {
    type: 'station-fault.inspection-assigned',
    schemaVersion: 1,
    data: {
      inspectorId,
      taskType: '查看网点',
      decision: routed({ onDuty: ['insp-zhang', 'insp-li'], openTickets: {} }),
    },
  });
}

function arrive(script: TicketScript, inspector: Actor, arrivedAt: string) {
  return script.command(inspector, {
    type: 'station-fault.inspector-arrived',
    schemaVersion: 1,
    data: { arrivedAt },
  });
}

/** The four tickets; see `TICKET_IDS`. */
export function stationFaultScenario(): ScenarioTicket[] {
  const a = intake(
    TICKET_IDS.supplierRepaired,
    'SF-20261204-0042',
    ZHANGJIANG,
    { description: '2号充电桩无法充电，屏幕黑屏', pile: 'cp-0231-02' },
    { type: 'property-management', name: '王经理', phone: '13800138000' },
    '2026-12-04T01:05:09.000Z',
  );
  assignInspector(a, 'insp-zhang');
  arrive(a, people.inspectorZhang, '2026-12-04T02:10:00.000Z')
    .command(people.inspectorZhang, {
      type: 'station-fault.fault-not-cleared',
      schemaVersion: 1,
      data: {
        findings: '充电桩主板故障，复位无效',
        reasonNotFixed: '需供应商更换主板',
      },
    })
    .command(people.platformPudong, {
      type: 'station-fault.unresolved-reported-to-dispatch',
      schemaVersion: 1,
      data: { note: '巡检无法现场排除' },
    })
    .command(people.dispatcher, {
      type: 'station-fault.escalated-to-station-manager',
      schemaVersion: 1,
      data: {},
    })
    .command(people.stationManager, {
      type: 'station-fault.ops-task-assigned',
      schemaVersion: 1,
      data: { opsTeamId: 'ops-pudong-1' },
    })
    .command(
      people.opsTeam,
      {
        type: 'station-fault.fault-classified',
        schemaVersion: 1,
        data: { isChargingPileIssue: true, chargingPileId: 'cp-0231-02' },
      },
      {
        type: 'station-fault.supplier-dispatched',
        schemaVersion: 1,
        data: { supplierId: 'sup-teld', chargingPileId: 'cp-0231-02' },
      },
    )
    .command(people.supplier, {
      type: 'station-fault.supplier-handling-completed',
      schemaVersion: 1,
      data: {
        outcome: 'fixed',
        result: '更换主板后恢复充电',
        completedAt: '2026-12-04T07:40:00.000Z',
      },
    })
    .command(people.opsTeam, {
      type: 'station-fault.result-reported-to-station-manager',
      schemaVersion: 1,
      data: { result: '供应商已更换主板，充电正常' },
    })
    .command(people.stationManager, {
      type: 'station-fault.result-notified-to-customer-service',
      schemaVersion: 1,
      data: {
        resultSummary: '2号充电桩已修复',
        finalStatus: 'repaired-by-supplier',
      },
    })
    .command(
      people.agent,
      {
        type: 'station-fault.reporter-informed',
        schemaVersion: 1,
        data: { contactOutcome: 'reached', note: '王经理确认可正常充电' },
      },
      {
        type: 'station-fault.ticket-closed',
        schemaVersion: 1,
        data: { closedAt: '2026-12-04T09:30:00.000Z' },
      },
    );

  const b = intake(
    TICKET_IDS.inspecting,
    'SF-20261204-0043',
    JINQIAO,
    { description: '网点道闸无法抬杆，车辆无法驶出' },
    { type: 'property-management', name: '刘主管', phone: '13916881234' },
    '2026-12-04T01:20:00.000Z',
  );
  assignInspector(b, 'insp-zhang');
  arrive(b, people.inspectorZhang, '2026-12-04T03:00:00.000Z');

  const c = intake(
    TICKET_IDS.clearedByInspector,
    'SF-20261204-0044',
    XINZHUANG,
    { description: '3号车位地锁无法降下' },
    { type: 'user', phone: '18621005566' },
    '2026-12-04T01:31:00.000Z',
  );
  assignInspector(c, 'insp-li');
  arrive(c, people.inspectorLi, '2026-12-04T02:45:00.000Z').command(
    people.inspectorLi,
    {
      type: 'station-fault.fault-cleared-by-inspector',
      schemaVersion: 1,
      data: {
        resolutionNote: '地锁遥控器电池耗尽，已更换',
        resolvedAt: '2026-12-04T02:58:00.000Z',
      },
    },
  );

  const d = intake(
    TICKET_IDS.inspectionAssigned,
    'SF-20261204-0045',
    ZHANGJIANG,
    { description: '5号充电桩充电枪头破损', pile: 'cp-0231-05' },
    { type: 'user', name: '徐先生', phone: '13761237788' },
    '2026-12-04T01:45:00.000Z',
  );
  assignInspector(d, 'insp-zhang');

  return [a, b, c, d].map((script) => script.ticket());
}

/** Every append of the scenario, the tickets' commands interleaved. */
export function interleavedAppends(
  tickets: readonly ScenarioTicket[],
): ScenarioAppend[] {
  const out: ScenarioAppend[] = [];
  const longest = Math.max(...tickets.map((t) => t.appends.length));
  for (let i = 0; i < longest; i++) {
    for (const ticket of tickets) {
      if (ticket.appends[i]) out.push(ticket.appends[i]);
    }
  }
  return out;
}

/**
 * Recorded events as a store would return them, for pure tests: the
 * given order, one second apart from `start`, positions `p-<n>`.
 */
export function recordByHand(
  appends: readonly ScenarioAppend[],
  start = '2026-12-04T01:05:10.000Z',
): RecordedEvent[] {
  const revisions = new Map<string, number>();
  const out: RecordedEvent[] = [];
  let at = Date.parse(start);
  for (const append of appends) {
    for (const event of append.events) {
      const revision = (revisions.get(append.streamName) ?? -1) + 1;
      revisions.set(append.streamName, revision);
      out.push({
        ...event,
        streamName: append.streamName,
        revision,
        position: `p-${out.length + 1}`,
        recordedAt: new Date(at).toISOString(),
        hash: `hash-${out.length + 1}`,
        previousHash: revision === 0 ? '' : `hash-${out.length}`,
      });
    }
    at += 1000;
  }
  return out;
}
