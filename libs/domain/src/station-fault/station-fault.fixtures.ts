// Shared by the station-fault specs: one ticket, its actors, a valid
// payload for every command, and the events that bring the ticket to each
// state. Events are written out here, not produced by the decider, so a
// decider bug cannot hide in the givens.
import type { Actor, DecisionContext, RoleId } from '../shared';
import type {
  StationFaultCommand,
  StationFaultCommandType,
} from './station-fault.commands';
import type {
  DecisionRecord,
  FinalStatus,
  StationFaultEvent,
} from './station-fault.events';
import type { StationFaultStatus } from './station-fault.states';

export const TICKET_ID = '01956f3a-7c2e-7a10-9b1e-3f4c5d6e7f80';
export const NOW = '2026-03-02T02:00:00.000Z';
export const CALL_TIME = '2026-03-02T01:55:00.000Z';

export const INSPECTOR_ID = 'inspector-wang-lei';
export const OPS_TEAM_ID = 'ops-team-minhang-1';
export const SUPPLIER_ID = 'supplier-telai';
export const CHARGING_PILE_ID = 'pile-MH-0042-03';
export const REPAIR_TICKET_ID = 'repair-01956f3a-0001';

const ACTOR_IDS: Partial<Record<RoleId, string>> = {
  'cs-phone-agent': 'agent-zhang-min',
  'dispatch-manager': 'dispatcher-li-na',
  'regional-platform': 'platform-minhang',
  'regional-inspector': INSPECTOR_ID,
  'station-manager': 'station-manager-chen',
  'station-ops-team': 'ops-engineer-zhao',
  'charging-pile-supplier': 'supplier-engineer-sun',
};

// The engineers work for the team and the supplier the ticket names.
const ORGS: Partial<Record<RoleId, string>> = {
  'station-ops-team': OPS_TEAM_ID,
  'charging-pile-supplier': SUPPLIER_ID,
};

/**
 * A person in the role; the inspector, the operations engineer and the
 * supplier's engineer are the ones the ticket is assigned to.
 */
export function actor(role: RoleId, overrides: Partial<Actor> = {}): Actor {
  const org = ORGS[role];
  return {
    id: ACTOR_IDS[role] ?? `${role}-1`,
    role,
    kind: 'person',
    ...(org ? { org } : {}),
    ...overrides,
  };
}

export function ctx(
  role: RoleId,
  overrides: Partial<Actor> = {},
): DecisionContext {
  return { now: NOW, actor: actor(role, overrides) };
}

type CommandOf<T extends StationFaultCommandType> = Extract<
  StationFaultCommand,
  { type: T }
>;

export function command<T extends StationFaultCommandType>(
  type: T,
  payload: CommandOf<T>['payload'],
): CommandOf<T> {
  return { type, ticketId: TICKET_ID, payload } as CommandOf<T>;
}

const ROUTING: DecisionRecord = {
  mode: 'automatic',
  ruleVersion: 'station-region/v1',
  inputs: { stationId: 'MH-0042', regionId: 'region-minhang' },
};
const ASSIGNMENT: DecisionRecord = {
  mode: 'manual',
  ruleVersion: 'manual/v1',
  inputs: { chosenBy: 'platform-minhang' },
};

/** A valid payload for every command (and both branches of D1 and D2). */
export const payloads = {
  report: {
    ticketNumber: 'SF-20260302-0001',
    reporter: {
      type: 'property-management' as const,
      name: '万科物业 王经理',
      phone: '021-6488 1234',
    },
    callTime: CALL_TIME,
    station: {
      id: 'MH-0042',
      name: '莘庄地铁站北广场网点',
      address: '上海市闵行区莘庄镇沁春路 1 号',
      district: '闵行区',
      street: '莘庄镇',
      regionId: 'region-minhang',
    },
    faultDescription: '3 号充电桩无法启动充电，屏幕黑屏',
    suspectedChargingPile: true,
    chargingPileId: CHARGING_PILE_ID,
  },
  createTask: { note: '物业要求今日处理' },
  dispatch: { regionalPlatformId: 'region-minhang', decision: ROUTING },
  assignInspection: { inspectorId: INSPECTOR_ID, decision: ASSIGNMENT },
  startInspection: {},
  cleared: { cleared: true as const, resolutionNote: '空气开关跳闸，已复位' },
  notCleared: {
    cleared: false as const,
    findings: '充电模块无输出',
    reasonNotFixed: '需更换充电模块，巡检无备件',
  },
  reportUnresolved: { note: '巡检无法现场排除' },
  escalate: {},
  assignOps: { opsTeamId: OPS_TEAM_ID },
  classifyPile: {
    isChargingPileIssue: true as const,
    supplierId: SUPPLIER_ID,
    chargingPileId: CHARGING_PILE_ID,
  },
  classifyNotPile: {
    isChargingPileIssue: false as const,
    repairTicketId: REPAIR_TICKET_ID,
  },
  supplierFixed: {
    outcome: 'fixed' as const,
    result: '更换充电模块，测试正常',
  },
  supplierNotFixed: { outcome: 'not-fixed' as const, result: '故障在配电侧' },
  opsFixed: { outcome: 'fixed' as const, result: '更换配电箱断路器' },
  opsNotFixed: { outcome: 'not-fixed' as const, result: '桩体主板损坏' },
  resultToManager: { result: '充电桩已修复' },
  notify: { resultSummary: '网点充电桩已修复，可正常使用' },
  inform: { contactOutcome: 'reached' as const, note: '已电话告知王经理' },
};

const p = payloads;

/** The events each step appends, written out. */
export const events = {
  callReceived: {
    type: 'station-fault.call-received',
    schemaVersion: 1,
    data: {
      ticketNumber: p.report.ticketNumber,
      reporter: p.report.reporter,
      callTime: CALL_TIME,
      channel: 'phone',
    },
  },
  faultRecorded: {
    type: 'station-fault.fault-recorded',
    schemaVersion: 1,
    data: {
      station: p.report.station,
      faultDescription: p.report.faultDescription,
      suspectedChargingPile: true,
      chargingPileId: CHARGING_PILE_ID,
      category: 'charging-pile',
    },
  },
  taskCreated: {
    type: 'station-fault.task-created',
    schemaVersion: 1,
    data: { note: p.createTask.note },
  },
  dispatched: {
    type: 'station-fault.dispatched-to-region',
    schemaVersion: 1,
    data: { regionalPlatformId: 'region-minhang', decision: ROUTING },
  },
  inspectionAssigned: {
    type: 'station-fault.inspection-assigned',
    schemaVersion: 1,
    data: {
      inspectorId: INSPECTOR_ID,
      taskType: '查看网点',
      decision: ASSIGNMENT,
    },
  },
  inspectorArrived: {
    type: 'station-fault.inspector-arrived',
    schemaVersion: 1,
    data: { arrivedAt: NOW },
  },
  cleared: {
    type: 'station-fault.fault-cleared-by-inspector',
    schemaVersion: 1,
    data: { resolutionNote: p.cleared.resolutionNote, resolvedAt: NOW },
  },
  notCleared: {
    type: 'station-fault.fault-not-cleared',
    schemaVersion: 1,
    data: {
      findings: p.notCleared.findings,
      reasonNotFixed: p.notCleared.reasonNotFixed,
    },
  },
  unresolvedReported: {
    type: 'station-fault.unresolved-reported-to-dispatch',
    schemaVersion: 1,
    data: { note: p.reportUnresolved.note },
  },
  escalated: {
    type: 'station-fault.escalated-to-station-manager',
    schemaVersion: 1,
    data: {},
  },
  opsTaskAssigned: {
    type: 'station-fault.ops-task-assigned',
    schemaVersion: 1,
    data: { opsTeamId: OPS_TEAM_ID },
  },
  classifiedPile: {
    type: 'station-fault.fault-classified',
    schemaVersion: 1,
    data: { isChargingPileIssue: true, chargingPileId: CHARGING_PILE_ID },
  },
  supplierDispatched: {
    type: 'station-fault.supplier-dispatched',
    schemaVersion: 1,
    data: { supplierId: SUPPLIER_ID, chargingPileId: CHARGING_PILE_ID },
  },
  classifiedNotPile: {
    type: 'station-fault.fault-classified',
    schemaVersion: 1,
    data: { isChargingPileIssue: false },
  },
  repairStarted: {
    type: 'station-fault.on-site-repair-started',
    schemaVersion: 1,
    data: { repairTicketId: REPAIR_TICKET_ID },
  },
  supplierFixed: {
    type: 'station-fault.supplier-handling-completed',
    schemaVersion: 1,
    data: { ...p.supplierFixed, completedAt: NOW },
  },
  supplierNotFixed: {
    type: 'station-fault.supplier-handling-completed',
    schemaVersion: 1,
    data: { ...p.supplierNotFixed, completedAt: NOW },
  },
  opsFixed: {
    type: 'station-fault.ops-repair-completed',
    schemaVersion: 1,
    data: { ...p.opsFixed, completedAt: NOW },
  },
  opsNotFixed: {
    type: 'station-fault.ops-repair-completed',
    schemaVersion: 1,
    data: { ...p.opsNotFixed, completedAt: NOW },
  },
  resultReported: {
    type: 'station-fault.result-reported-to-station-manager',
    schemaVersion: 1,
    data: { result: p.resultToManager.result },
  },
  reporterInformed: {
    type: 'station-fault.reporter-informed',
    schemaVersion: 1,
    data: p.inform,
  },
  ticketClosed: {
    type: 'station-fault.ticket-closed',
    schemaVersion: 1,
    data: { closedAt: NOW },
  },
} satisfies Record<string, StationFaultEvent>;

export function resultNotified(finalStatus: FinalStatus): StationFaultEvent {
  return {
    type: 'station-fault.result-notified-to-customer-service',
    schemaVersion: 1,
    data: { resultSummary: p.notify.resultSummary, finalStatus },
  };
}

const e = events;
const recorded = [e.callReceived, e.faultRecorded];
const atPlatform = [...recorded, e.taskCreated, e.dispatched];
const inspecting = [...atPlatform, e.inspectionAssigned, e.inspectorArrived];
const atStationManager = [
  ...inspecting,
  e.notCleared,
  e.unresolvedReported,
  e.escalated,
];
const atOpsTeam = [...atStationManager, e.opsTaskAssigned];
const supplierHandling = [...atOpsTeam, e.classifiedPile, e.supplierDispatched];
const handlingDone = [...supplierHandling, e.supplierFixed];

/**
 * One way to reach every state. HANDLING_DONE is reached through the
 * supplier; `opsHandlingDone` is the operations way.
 */
export const historyOf: Record<StationFaultStatus, StationFaultEvent[]> = {
  NEW: [],
  RECORDED: recorded,
  AWAITING_DISPATCH: [...recorded, e.taskCreated],
  AT_REGIONAL_PLATFORM: atPlatform,
  INSPECTION_ASSIGNED: [...atPlatform, e.inspectionAssigned],
  INSPECTING: inspecting,
  RESOLVED_BY_INSPECTION: [...inspecting, e.cleared],
  UNRESOLVED_AT_PLATFORM: [...inspecting, e.notCleared],
  UNRESOLVED_AT_DISPATCH: [...inspecting, e.notCleared, e.unresolvedReported],
  AT_STATION_MANAGER: atStationManager,
  AT_OPS_TEAM: atOpsTeam,
  SUPPLIER_HANDLING: supplierHandling,
  OPS_REPAIRING: [...atOpsTeam, e.classifiedNotPile, e.repairStarted],
  HANDLING_DONE: handlingDone,
  RESULT_AT_STATION_MANAGER: [...handlingDone, e.resultReported],
  RESULT_NOTIFIED: [
    ...handlingDone,
    e.resultReported,
    resultNotified('repaired-by-supplier'),
  ],
  CLOSED: [
    ...handlingDone,
    e.resultReported,
    resultNotified('repaired-by-supplier'),
    e.reporterInformed,
    e.ticketClosed,
  ],
};

export const opsHandlingDone: StationFaultEvent[] = [
  ...historyOf.OPS_REPAIRING,
  e.opsFixed,
];
