// Shared by the repeat-caller specs. Givens are written out here, not
// produced by the decider, so a decider bug cannot hide in them.
import type { Actor, DecisionContext, RoleId } from '../shared';
import type {
  RepeatCallerCommand,
  RepeatCallerCommandType,
} from './repeat-caller.commands';
import type {
  RepeatCallerEvent,
  RepeatCallerEventType,
} from './repeat-caller.events';
import type { EarlierCall, RepeatCallRules } from './repeat-caller.rules';
import type { RepeatCallerStatus } from './repeat-caller.states';

export const TICKET_ID = '01956f3a-7c2e-7a10-9b1e-0a0000000141';
export const FIRST_CALL_ID = '01956f3a-7c2e-7a10-9b1e-0a0000000101';
export const SECOND_CALL_ID = '01956f3a-7c2e-7a10-9b1e-0a0000000102';
export const THIRD_CALL_ID = '01956f3a-7c2e-7a10-9b1e-0a0000000103';
export const NOW = '2026-03-04T06:00:00.000Z';
export const CALLED_AT = '2026-03-04T05:55:00.000Z';
export const CALLER_KEYS = ['phone:5f1c0a', 'member:9e2b44'];

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

type CommandOf<T extends RepeatCallerCommandType> = Extract<
  RepeatCallerCommand,
  { type: T }
>;

export function command<T extends RepeatCallerCommandType>(
  type: T,
  payload: CommandOf<T>['payload'],
): CommandOf<T> {
  return { type, ticketId: TICKET_ID, payload } as CommandOf<T>;
}

/** An earlier plain call of the same caller, `hoursAgo` before CALLED_AT. */
export function earlier(
  ticketId: string,
  hoursAgo: number,
  overrides: Partial<EarlierCall> = {},
): EarlierCall {
  return {
    ticketId,
    ticketNumber: `RC-20260301-${ticketId.slice(-4)}`,
    subject: 'refund',
    calledAt: new Date(
      Date.parse(CALLED_AT) - hoursAgo * 3_600_000,
    ).toISOString(),
    status: 'CALL_RECORDED',
    ...overrides,
  };
}

export const EARLIER = [earlier(FIRST_CALL_ID, 48), earlier(SECOND_CALL_ID, 5)];

const call = {
  ticketNumber: 'RC-20260304-0003',
  caller: { phone: '13800138000', name: '王先生' },
  memberId: 'M-310000-5521',
  subject: 'refund' as const,
  issue: '押金退款申请一周仍未到账，第三次来电',
  promisedTimeframe: '24小时内回电',
  calledAt: CALLED_AT,
  callerKeys: CALLER_KEYS,
};

export const payloads = {
  firstCall: { ...call, earlierCalls: [] },
  thirdCall: { ...call, earlierCalls: EARLIER },
  /** The fourth call: three earlier ones link, one may go again. */
  fourthCall: {
    ...call,
    earlierCalls: [...EARLIER, earlier(THIRD_CALL_ID, 2)],
  },
  close: { resolution: '已按承诺时效回电，退款已到账' },
  unlinkFirst: { linkedTicketId: FIRST_CALL_ID, reason: '首次来电为其他订单' },
  recordings: {
    recordings: [
      { ticketId: TICKET_ID, recordingRef: 'REC-0003' },
      { ticketId: FIRST_CALL_ID, recordingRef: 'REC-0001' },
      { ticketId: SECOND_CALL_ID, recordingRef: 'REC-0002' },
    ],
    findings: '三次来电均为同一笔押金退款',
  },
  incident: {
    template: {
      summary: '用户押金退款逾期，三次来电',
      userDemand: '立即退款并道歉',
      impact: '用户表示将向媒体投诉',
    },
  },
  external: { externalComplaint: true, mediaExposure: false },
  internal: { externalComplaint: false, mediaExposure: false },
  plan: { plan: '财务当日加急退款，运营致电致歉' },
  approve: { approved: true as const },
  sendBack: { approved: false as const, reason: '方案未写明退款时限' },
  reached: { contactOutcome: 'reached' as const },
  unreached: { contactOutcome: 'unreachable' as const },
  resolved: { resolved: true, note: '退款已到账，用户认可' },
  pending: { resolved: false, note: '财务处理中' },
  notifyBoth: {
    notified: ['subsidiary-ops-head' as const, 'hq-pr-manager' as const],
    summary: '已退款，用户满意',
  },
  notifyOps: {
    notified: ['subsidiary-ops-head' as const],
    summary: '已退款，用户满意',
  },
};

type EventOf<T extends RepeatCallerEventType> = Extract<
  RepeatCallerEvent,
  { type: T }
>;

function ev<T extends RepeatCallerEventType>(
  type: T,
  data: EventOf<T>['data'],
): EventOf<T> {
  return { type, schemaVersion: 1, data } as EventOf<T>;
}

/** The call-recorded event of `call` after a check that saw `earlierCalls`. */
export function recordedWith(
  earlierCalls: EarlierCall[],
  rules: RepeatCallRules = { windowHours: 72, threshold: 3 },
) {
  return ev('repeat-caller.call-recorded', {
    ...call,
    subsidiaryId: 'sh',
    decision: { inputs: { rules, earlierCalls } },
  });
}

const LINKED = EARLIER.map(({ ticketId, ticketNumber, calledAt }) => ({
  ticketId,
  ticketNumber,
  calledAt,
}));

export const events = {
  recorded: recordedWith(EARLIER),
  recordedFirst: recordedWith([]),
  closedCall: ev('repeat-caller.call-closed', payloads.close),
  linked: ev('repeat-caller.calls-linked', {
    linkedCalls: LINKED,
    callCount: 3,
    rules: { windowHours: 72, threshold: 3 },
  }),
  escalated: ev('repeat-caller.sensitive-issue-escalated', {
    to: 'cs-manager-outsourcer',
    callCount: 3,
  }),
  unlinkedFirst: ev('repeat-caller.calls-unlinked', {
    ticketIds: [FIRST_CALL_ID],
    reason: payloads.unlinkFirst.reason,
  }),
  unlinkedWithdrawing: ev('repeat-caller.calls-unlinked', {
    ticketIds: [FIRST_CALL_ID],
    reason: payloads.unlinkFirst.reason,
    withdrawal: {
      releasedTicketIds: [SECOND_CALL_ID],
      callCount: 2,
      threshold: 3,
    },
  }),
  reviewed: ev('repeat-caller.recordings-reviewed', payloads.recordings),
  reported: ev('repeat-caller.incident-reported', {
    ...payloads.incident,
    to: 'subsidiary-ops-head',
  }),
  classifiedExternal: ev(
    'repeat-caller.incident-classified',
    payloads.external,
  ),
  classifiedInternal: ev(
    'repeat-caller.incident-classified',
    payloads.internal,
  ),
  opsPlan: ev('repeat-caller.handling-plan-drafted', {
    author: 'subsidiary-ops-head',
    plan: payloads.plan.plan,
  }),
  prPlan: ev('repeat-caller.handling-plan-drafted', {
    author: 'hq-pr-manager',
    plan: payloads.plan.plan,
  }),
  approved: ev('repeat-caller.handling-plans-approved', {}),
  calledBack: ev('repeat-caller.user-called-back-with-plan', payloads.reached),
  resolved: ev('repeat-caller.follow-up-recorded', payloads.resolved),
  notified: ev('repeat-caller.result-notified', payloads.notifyBoth),
};

const e = events;
const ESCALATION = [e.linked, e.recorded, e.escalated];
const REPORTED = [...ESCALATION, e.reviewed, e.reported];
const EXTERNAL = [...REPORTED, e.classifiedExternal];
const APPROVED = [...EXTERNAL, e.opsPlan, e.prPlan, e.approved];

/** Events that bring a ticket to each state, written out by hand. */
export const historyOf: Record<
  Exclude<RepeatCallerStatus, 'NEW'>,
  RepeatCallerEvent[]
> = {
  CALL_RECORDED: [e.recorded],
  CALL_CLOSED: [e.recorded, e.closedCall],
  ESCALATED: ESCALATION,
  RECORDINGS_REVIEWED: [...ESCALATION, e.reviewed],
  INCIDENT_REPORTED: REPORTED,
  AWAITING_PLANS: EXTERNAL,
  AWAITING_OPS_PLAN: [...REPORTED, e.classifiedInternal],
  AWAITING_PR_PLAN: [...EXTERNAL, e.opsPlan],
  PLAN_REVIEW: [...EXTERNAL, e.opsPlan, e.prPlan],
  PLAN_APPROVED: APPROVED,
  FOLLOWING_UP: [...APPROVED, e.calledBack],
  RESOLVED: [...APPROVED, e.calledBack, e.resolved],
  CLOSED: [...APPROVED, e.calledBack, e.resolved, e.notified],
};
