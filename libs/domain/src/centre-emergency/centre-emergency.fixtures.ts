// Shared by the centre-emergency specs. Givens are written out here, not
// produced by the decider, so a decider bug cannot hide in them.
import { CALENDAR_2026 } from '../traffic-violation/traffic-violation.fixtures';
import type { Actor, DecisionContext, RoleId } from '../shared';
import type {
  CentreEmergencyCommand,
  CentreEmergencyCommandType,
} from './centre-emergency.commands';
import type { CentreEmergencyConfig } from './centre-emergency.decide';
import type {
  CentreEmergencyEvent,
  FaultType,
} from './centre-emergency.events';
import type { CentreEmergencyStatus } from './centre-emergency.states';

export const TICKET_ID = '01956f3a-7c2e-7a10-9b1e-0a00000000ce';
export const OTHER_TICKET_ID = '01956f3a-7c2e-7a10-9b1e-0a0000000025';
/** Saturday 3 October 2026, 10:00 in Shanghai: National Day holiday. */
export const HOLIDAY_DETECTED = '2026-10-03T02:00:00.000Z';
/** Saturday 10 October 2026: a make-up working day (调休). */
export const MAKE_UP_DAY_DETECTED = '2026-10-10T02:00:00.000Z';
export const NOW = '2026-10-10T04:00:00.000Z';

/** China's 2026 calendar around National Day, written out by hand. */
export const CONFIG: CentreEmergencyConfig = { calendar: CALENDAR_2026 };

export function actor(role: RoleId, overrides: Partial<Actor> = {}): Actor {
  return {
    id: `${role}-1`,
    role,
    kind: 'person',
    subsidiary: 'sh',
    ...overrides,
  };
}

export function ctx(
  role: RoleId,
  overrides: Partial<Actor> = {},
  now = NOW,
): DecisionContext {
  return { now, actor: actor(role, overrides) };
}

type CommandOf<T extends CentreEmergencyCommandType> = Extract<
  CentreEmergencyCommand,
  { type: T }
>;

export function command<T extends CentreEmergencyCommandType>(
  type: T,
  payload: CommandOf<T>['payload'],
): CommandOf<T> {
  return { type, ticketId: TICKET_ID, payload } as CommandOf<T>;
}

export const found = {
  found: true,
  ticketNumber: 'OA-20261010-0001',
  subsidiaryId: 'sh',
};

export const payloads = {
  log: (
    faultType: FaultType,
    advanceNotice = false,
    detectedAt = MAKE_UP_DAY_DETECTED,
  ) => ({
    ticketNumber: 'CE-20261010-0001',
    faultType,
    advanceNotice,
    detectedAt,
    description: '故障描述',
  }),
  mechanism: { note: '按应急预案执行' },
  eta: {
    eta: '2026-10-10T06:00:00.000Z',
    techContact: '技术管理岗 王工',
  },
  allHands: { staff: ['值班长 陈', '主管 周', '坐席 0107'] },
  lend: { staff: ['在线 0201'] },
  managers: { managers: ['主管 周', '经理 吴'] },
  tianrun: { reference: 'TR-88231' },
  handwritten: {
    customer: { phone: '13800138000', name: '刘女士' },
    request: '还车后无法结束订单',
    receivedAt: '2026-10-10T03:00:00.000Z',
  },
  missedCall: {
    caller: { phone: '13900139000' },
    calledAt: '2026-10-10T03:10:00.000Z',
  },
  offDay: { note: '国庆假期故障' },
  staff: { staff: ['翻班 0301'] },
  resolve: { cause: '机房交换机故障' },
  backfill: { entryId: 'H1', task: '已补建订单异常工单' },
  callback: { callId: 'M1', outcome: 'reached' as const },
  deferred: { handled: 3 },
  close: { summary: '故障已恢复，善后完成' },
  link: {
    processId: 'order-anomaly',
    ticketId: OTHER_TICKET_ID,
    target: found,
  },
  unlink: { processId: 'order-anomaly', ticketId: OTHER_TICKET_ID },
};

const ev = <T extends CentreEmergencyEvent['type']>(
  type: T,
  data: Extract<CentreEmergencyEvent, { type: T }>['data'],
) =>
  ({ type, schemaVersion: 1, data }) as Extract<
    CentreEmergencyEvent,
    { type: T }
  >;

export const events = {
  logged: (faultType: FaultType, advanceNotice = false) =>
    ev('centre-emergency.fault-logged', {
      ...payloads.log(faultType, advanceNotice),
      subsidiaryId: 'sh',
    }),
  mechanism: ev('centre-emergency.emergency-mechanism-activated', {
    note: payloads.mechanism.note,
  }),
  eta: ev('centre-emergency.repair-eta-confirmed', payloads.eta),
  hq: ev('centre-emergency.reported-to-hq-cs-manager', { reportedAt: NOW }),
  allHands: ev('centre-emergency.all-hands-on-phones', payloads.allHands),
  managers: ev('centre-emergency.two-managers-designated', payloads.managers),
  tianrun: ev('centre-emergency.tianrun-repair-reported', payloads.tianrun),
  handwritten: ev('centre-emergency.handwritten-request-recorded', {
    entryId: 'H1',
    ...payloads.handwritten,
  }),
  missedCall: ev('centre-emergency.missed-call-recorded', {
    callId: 'M1',
    ...payloads.missedCall,
  }),
  resolved: ev('centre-emergency.fault-resolved', {
    cause: payloads.resolve.cause,
    resolvedAt: NOW,
  }),
  backfilled: ev('centre-emergency.task-backfilled', payloads.backfill),
  calledBack: ev('centre-emergency.missed-call-called-back', payloads.callback),
  deferred: ev(
    'centre-emergency.deferred-requests-processed',
    payloads.deferred,
  ),
  closed: ev('centre-emergency.emergency-closed', payloads.close),
  linked: ev('centre-emergency.ticket-linked', {
    processId: 'order-anomaly',
    ticketId: OTHER_TICKET_ID,
    ticketNumber: found.ticketNumber,
  }),
};

const e = events;

/** Events that bring an emergency of `faultType` to each state. */
export function historyOf(
  faultType: FaultType = 'app',
): Record<Exclude<CentreEmergencyStatus, 'NEW'>, CentreEmergencyEvent[]> {
  const logged = e.logged(faultType);
  const degraded = [logged, e.eta, e.hq, e.allHands];
  return {
    PRE_ANNOUNCED: [e.logged(faultType, true)],
    CLOSED_EMERGENCY_MECHANISM: [e.logged(faultType, true), e.mechanism],
    UNANNOUNCED: [logged],
    ETA_CONFIRMED: [logged, e.eta, e.hq],
    DEGRADED_OPERATION: degraded,
    RECOVERING: [...degraded, e.resolved],
    CLOSED_RESOLVED: [...degraded, e.resolved, e.deferred, e.closed],
  };
}
