// Shared by the order-anomaly specs. Givens are written out here, not
// produced by the decider, so a decider bug cannot hide in them.
import type { Actor, DecisionContext, RoleId } from '../shared';
import type {
  OrderAnomalyCommand,
  OrderAnomalyCommandType,
} from './order-anomaly.commands';
import type { OrderAnomalyEvent } from './order-anomaly.events';
import type { OrderAnomalyStatus } from './order-anomaly.states';

export const TICKET_ID = '01956f3a-7c2e-7a10-9b1e-0a0000000025';
export const NOW = '2026-03-02T06:00:00.000Z';
export const CALL_TIME = '2026-03-02T05:50:00.000Z';

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

type CommandOf<T extends OrderAnomalyCommandType> = Extract<
  OrderAnomalyCommand,
  { type: T }
>;

export function command<T extends OrderAnomalyCommandType>(
  type: T,
  payload: CommandOf<T>['payload'],
): CommandOf<T> {
  return { type, ticketId: TICKET_ID, payload } as CommandOf<T>;
}

export const payloads = {
  report: {
    ticketNumber: 'OA-20260302-0001',
    orderId: 'ORD-20260302-88231',
    memberId: 'M-310000-5521',
    vehicleId: '沪A·D12345',
    caller: { phone: '13800138000', name: '刘女士' },
    callTime: CALL_TIME,
    description: '还车后订单仍在计费',
  },
  review: {
    usageStartedAt: '2026-03-02T03:10:00.000Z',
    usageEndedAt: '2026-03-02T04:05:00.000Z',
  },
  restored: { restored: true as const },
  notRestored: {
    restored: false as const,
    reason: '订单状态锁定，无法恢复',
    techSummary: '订单 ORD-20260302-88231 还车后状态未结束',
  },
  topUp: { orderFeeFen: 2750 },
  settle: { eCoinFen: 2750, contactOutcome: 'reached' as const },
  finding: { finding: '车机上报还车信号丢失', fixed: true },
};

export const events = {
  reported: {
    type: 'order-anomaly.reported',
    schemaVersion: 1,
    data: { ...payloads.report, subsidiaryId: 'sh' },
  },
  reviewed: {
    type: 'order-anomaly.trajectory-reviewed',
    schemaVersion: 1,
    data: payloads.review,
  },
  restored: {
    type: 'order-anomaly.order-restored',
    schemaVersion: 1,
    data: {
      restoredStartAt: payloads.review.usageStartedAt,
      restoredEndAt: payloads.review.usageEndedAt,
    },
  },
  guided: {
    type: 'order-anomaly.user-guided-to-pay-in-app',
    schemaVersion: 1,
    data: {},
  },
  restoreFailed: {
    type: 'order-anomaly.order-restore-failed',
    schemaVersion: 1,
    data: { reason: payloads.notRestored.reason },
  },
  reportedToTech: {
    type: 'order-anomaly.reported-to-tech-manager',
    schemaVersion: 1,
    data: { summary: payloads.notRestored.techSummary },
  },
  topUpRequested: {
    type: 'order-anomaly.e-coin-top-up-requested',
    schemaVersion: 1,
    data: { orderFeeFen: 2750 },
  },
  deducted: {
    type: 'order-anomaly.e-coin-deducted',
    schemaVersion: 1,
    data: { eCoinFen: 2750 },
  },
  settled: {
    type: 'order-anomaly.order-settled',
    schemaVersion: 1,
    data: { orderFeeFen: 2750, settledAt: NOW },
  },
  notified: {
    type: 'order-anomaly.user-notified-of-result',
    schemaVersion: 1,
    data: { contactOutcome: 'reached' },
  },
  finding: {
    type: 'order-anomaly.tech-finding-recorded',
    schemaVersion: 1,
    data: payloads.finding,
  },
} satisfies Record<string, OrderAnomalyEvent>;

const e = events;

/** Events that bring a ticket to each state, written out by hand. */
export const historyOf: Record<
  Exclude<OrderAnomalyStatus, 'NEW'>,
  OrderAnomalyEvent[]
> = {
  REPORTED: [e.reported],
  USAGE_DETERMINED: [e.reported, e.reviewed],
  CLOSED_PAID_IN_APP: [e.reported, e.reviewed, e.restored, e.guided],
  MANUAL_SETTLEMENT: [
    e.reported,
    e.reviewed,
    e.restoreFailed,
    e.reportedToTech,
  ],
  AWAITING_TOPUP: [
    e.reported,
    e.reviewed,
    e.restoreFailed,
    e.reportedToTech,
    e.topUpRequested,
  ],
  AWAITING_TECH_FINDING: [
    e.reported,
    e.reviewed,
    e.restoreFailed,
    e.reportedToTech,
    e.topUpRequested,
    e.deducted,
    e.settled,
    e.notified,
  ],
  CLOSED_SETTLED_BY_ECOIN: [
    e.reported,
    e.reviewed,
    e.restoreFailed,
    e.reportedToTech,
    e.topUpRequested,
    e.deducted,
    e.settled,
    e.notified,
    e.finding,
  ],
};
