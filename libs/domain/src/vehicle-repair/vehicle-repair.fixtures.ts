// Shared by the vehicle-repair specs. Givens are written out here, not
// produced by the decider, so a decider bug cannot hide in them.
import type { Actor, DecisionContext, RoleId } from '../shared';
import type {
  VehicleRepairCommand,
  VehicleRepairCommandType,
} from './vehicle-repair.commands';
import type { VehicleRepairEvent } from './vehicle-repair.events';
import type { VehicleRepairStatus } from './vehicle-repair.states';

export const TICKET_ID = '01956f3a-7c2e-7a10-9b1e-0a0000000013';
/** 14:00 in Shanghai on a Monday. */
export const NOW = '2026-03-02T06:00:00.000Z';
/** 30 days after NOW's Shanghai date, at midnight in Shanghai. */
export const WARRANTY_ENDS_AT = '2026-04-01T16:00:00.000Z';

/** The fleet the fleet reports pay from. */
export const FLEET_ID = 'FLEET-SH-07';

/** A person of `role`; a fleet administrator works for FLEET_ID. */
export function actor(role: RoleId, overrides: Partial<Actor> = {}): Actor {
  return {
    id: `${role}-1`,
    role,
    kind: 'person',
    subsidiary: 'sh',
    ...(role === 'fleet-admin' && { org: FLEET_ID }),
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

type CommandOf<T extends VehicleRepairCommandType> = Extract<
  VehicleRepairCommand,
  { type: T }
>;

export function command<T extends VehicleRepairCommandType>(
  type: T,
  payload: CommandOf<T>['payload'],
): CommandOf<T> {
  return { type, ticketId: TICKET_ID, payload } as CommandOf<T>;
}

const report = {
  ticketNumber: 'VR-20260302-0001',
  memberId: 'M-310000-5521',
  plate: '沪A·D12345',
  caller: { phone: '13800138000', name: '王先生' },
  description: '仪表盘故障灯常亮，制动踏板发软',
  occurredAt: '2026-03-02T05:30:00.000Z',
  location: '上海市浦东新区张杨路500号路边',
  emergencyMeasures: '已靠边停车，关闭电源，开启双闪',
  canMove: true,
  payer: 'member' as const,
};

export const payloads = {
  report,
  reportStranded: { ...report, canMove: false },
  reportFleet: { ...report, payer: 'fleet' as const, fleetId: FLEET_ID },
  rescue: { rescueVehicle: '沪B·J8801 拖车' },
  towedIn: {},
  receive: {
    model: '荣威 Ei5',
    plate: '沪A D12345',
    symptoms: '故障灯常亮，制动踏板行程过长',
    usage: '分时租赁，日均行驶 120 公里',
    mileageKm: 48210,
  },
  diagnose: {
    diagnosis: '制动液泄漏，左前制动分泵损坏',
    repairPlan: '更换左前制动分泵，补充制动液并排气',
    quoteFen: 86000,
    faultClass: 'ordinary' as const,
  },
  diagnoseMajor: {
    diagnosis: '动力电池包绝缘故障',
    repairPlan: '拆检电池包，更换故障模组',
    quoteFen: 1250000,
    faultClass: 'major' as const,
    escalationReason: '高压系统故障，需厂家技术支持',
  },
  toGm: { reason: '需协调厂家更换电池包' },
  resolve: { guidance: '按厂家方案更换模组，注意高压断电' },
  approve: { note: '会员电话确认' },
  refuse: { reason: '费用过高，会员自行处理' },
  returnUnrepaired: {},
  escalate: {
    faultClass: 'difficult' as const,
    reason: '拆检发现制动总泵异常',
  },
  repair: {
    workDone: '更换左前制动分泵，制动液排气',
    partsReplaced: ['制动分泵'],
  },
  qcPassed: { passed: true as const },
  qcFailed: { passed: false as const, findings: '制动踏板仍偏软' },
  notify: { channel: 'phone' as const },
  collected: { collectedBy: '王先生' },
  claim: { description: '交车一周后制动踏板再次发软' },
  followUp: { contactOutcome: 'reached' as const },
  survey: { answered: true as const, score: 5, channel: 'phone' as const },
  analysis: {
    rootCause: '电池模组批次绝缘缺陷',
    report: '同批次车辆排查建议已报上级部门',
  },
};

const ev = <T extends VehicleRepairEvent['type']>(
  type: T,
  data: Extract<VehicleRepairEvent, { type: T }>['data'],
) =>
  ({ type, schemaVersion: 1, data }) as Extract<
    VehicleRepairEvent,
    { type: T }
  >;

export const events = {
  reported: ev('vehicle-repair.reported', { ...report, subsidiaryId: 'sh' }),
  reportedStranded: ev('vehicle-repair.reported', {
    ...report,
    canMove: false,
    subsidiaryId: 'sh',
  }),
  reportedFleet: ev('vehicle-repair.reported', {
    ...payloads.reportFleet,
    subsidiaryId: 'sh',
  }),
  rescueDispatched: ev('vehicle-repair.rescue-dispatched', payloads.rescue),
  towedIn: ev('vehicle-repair.vehicle-towed-in', {}),
  received: ev('vehicle-repair.vehicle-received', payloads.receive),
  diagnosed: ev('vehicle-repair.diagnosed', payloads.diagnose),
  diagnosedMajor: ev('vehicle-repair.diagnosed', {
    diagnosis: payloads.diagnoseMajor.diagnosis,
    repairPlan: payloads.diagnoseMajor.repairPlan,
    quoteFen: payloads.diagnoseMajor.quoteFen,
    faultClass: 'major',
  }),
  quoteIssued: ev('vehicle-repair.quote-issued', {
    quoteFen: 86000,
    awaiting: 'member',
  }),
  quoteIssuedFleet: ev('vehicle-repair.quote-issued', {
    quoteFen: 86000,
    awaiting: 'fleet',
  }),
  quoteIssuedMajor: ev('vehicle-repair.quote-issued', {
    quoteFen: 1250000,
    awaiting: 'member',
  }),
  escalatedAtDiagnosis: ev('vehicle-repair.escalated-to-after-sales', {
    stage: 'diagnosis',
    faultClass: 'major',
    reason: payloads.diagnoseMajor.escalationReason,
  }),
  escalatedWhileRepairing: ev('vehicle-repair.escalated-to-after-sales', {
    stage: 'repair',
    ...payloads.escalate,
  }),
  escalatedToGm: ev('vehicle-repair.escalated-to-assistant-gm', payloads.toGm),
  resolvedToQuote: ev('vehicle-repair.escalation-resolved', {
    ...payloads.resolve,
    resumes: 'quote',
  }),
  resolvedToRepair: ev('vehicle-repair.escalation-resolved', {
    ...payloads.resolve,
    resumes: 'repair',
  }),
  quoteApproved: ev('vehicle-repair.quote-approved', {
    approvedBy: 'member',
    quoteFen: 86000,
    note: payloads.approve.note,
  }),
  quoteApprovedMajor: ev('vehicle-repair.quote-approved', {
    approvedBy: 'member',
    quoteFen: 1250000,
  }),
  quoteRefused: ev('vehicle-repair.quote-refused', {
    refusedBy: 'member',
    reason: payloads.refuse.reason,
  }),
  returnedUnrepaired: ev('vehicle-repair.returned-unrepaired', {}),
  repairCompleted: ev('vehicle-repair.repair-completed', payloads.repair),
  qcPassed: ev('vehicle-repair.quality-check-passed', {}),
  qcFailed: ev('vehicle-repair.quality-check-failed', {
    findings: payloads.qcFailed.findings,
  }),
  ownerNotified: ev('vehicle-repair.owner-notified', payloads.notify),
  delivered: ev('vehicle-repair.vehicle-delivered', {
    collectedBy: '王先生',
    deliveredAt: NOW,
    warrantyDays: 30,
    warrantyEndsAt: WARRANTY_ENDS_AT,
  }),
  claimFiled: ev('vehicle-repair.warranty-claim-filed', payloads.claim),
  followUpDone: ev('vehicle-repair.warranty-follow-up-done', payloads.followUp),
  surveyed: ev('vehicle-repair.survey-recorded', payloads.survey),
  analysed: ev('vehicle-repair.analysis-reported', payloads.analysis),
};

const e = events;
const received = [e.reported, e.received];
const memberQuote = [...received, e.diagnosed, e.quoteIssued];
const repairing = [...memberQuote, e.quoteApproved];
const checking = [...repairing, e.repairCompleted];
const afterSales = [...received, e.diagnosedMajor, e.escalatedAtDiagnosis];
const underWarranty = [...checking, e.qcPassed, e.ownerNotified, e.delivered];
const refused = [...memberQuote, e.quoteRefused];

/** Events that bring a case to each state, written out by hand. */
export const historyOf: Record<
  Exclude<VehicleRepairStatus, 'NEW'>,
  VehicleRepairEvent[]
> = {
  AWAITING_RESCUE: [e.reportedStranded],
  RESCUE_DISPATCHED: [e.reportedStranded, e.rescueDispatched],
  AWAITING_RECEPTION: [e.reported],
  RECEIVED: received,
  AFTER_SALES_SUPPORT: afterSales,
  ASSISTANT_GM_SUPPORT: [...afterSales, e.escalatedToGm],
  QUOTE_AWAITING_MEMBER: memberQuote,
  QUOTE_AWAITING_FLEET: [
    e.reportedFleet,
    e.received,
    e.diagnosed,
    e.quoteIssuedFleet,
  ],
  AWAITING_RETURN_UNREPAIRED: refused,
  REPAIRING: repairing,
  AWAITING_QUALITY_CHECK: checking,
  READY_FOR_DELIVERY: [...checking, e.qcPassed],
  AWAITING_COLLECTION: [...checking, e.qcPassed, e.ownerNotified],
  UNDER_WARRANTY: underWarranty,
  AWAITING_SURVEY: [...underWarranty, e.followUpDone],
  AWAITING_ANALYSIS_REPORT: [
    ...afterSales,
    e.resolvedToQuote,
    e.quoteIssuedMajor,
    e.quoteApprovedMajor,
    e.repairCompleted,
    e.qcPassed,
    e.ownerNotified,
    e.delivered,
    e.followUpDone,
    e.surveyed,
  ],
  CLOSED_REPAIRED: [...underWarranty, e.followUpDone, e.surveyed],
  CLOSED_UNREPAIRED: [...refused, e.returnedUnrepaired],
};
