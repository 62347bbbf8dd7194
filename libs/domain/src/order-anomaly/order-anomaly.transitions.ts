import { sameInEach, type TableRule } from '../shared';
import type { OrderAnomalyCommandType } from './order-anomaly.commands';
import type { OrderAnomalyEventType } from './order-anomaly.events';
import type { OrderAnomalyStatus } from './order-anomaly.states';

export type OrderAnomalyRule = TableRule<
  OrderAnomalyCommandType,
  OrderAnomalyEventType,
  OrderAnomalyStatus
>;

const SETTLED: readonly OrderAnomalyEventType[] = [
  'order-anomaly.e-coin-deducted',
  'order-anomaly.order-settled',
  'order-anomaly.user-notified-of-result',
];

/**
 * Which role may issue which command in which state, and what it appends.
 * The decider, the permission check and the audit tool read this table.
 */
export const ORDER_ANOMALY_TRANSITIONS: readonly OrderAnomalyRule[] = [
  {
    command: 'ReportOrderAnomaly',
    from: 'NEW',
    roles: ['cs-phone-agent'],
    outcomes: [{ events: ['order-anomaly.reported'], to: 'REPORTED' }],
  },
  {
    command: 'ReviewTrajectory',
    from: 'REPORTED',
    roles: ['cs-phone-agent'],
    outcomes: [
      { events: ['order-anomaly.trajectory-reviewed'], to: 'USAGE_DETERMINED' },
    ],
  },
  {
    // Decision: was the order restored normally (4.3)?
    command: 'RecordRestoreResult',
    from: 'USAGE_DETERMINED',
    roles: ['cs-phone-agent'],
    outcomes: [
      {
        events: [
          'order-anomaly.order-restored',
          'order-anomaly.user-guided-to-pay-in-app',
        ],
        to: 'CLOSED_PAID_IN_APP',
      },
      {
        events: [
          'order-anomaly.order-restore-failed',
          'order-anomaly.reported-to-tech-manager',
        ],
        to: 'MANUAL_SETTLEMENT',
      },
    ],
  },
  {
    // TODO(#10): a user who never tops up leaves the case waiting here; the
    // manual says nothing (P25 4.3.1), a deadline policy (#6) should flag it.
    command: 'RequestECoinTopUp',
    from: 'MANUAL_SETTLEMENT',
    roles: ['cs-phone-agent'],
    outcomes: [
      {
        events: ['order-anomaly.e-coin-top-up-requested'],
        to: 'AWAITING_TOPUP',
      },
    ],
  },
  {
    // The ticket waits for technical management unless it answered first.
    command: 'SettleWithECoin',
    from: 'AWAITING_TOPUP',
    roles: ['cs-phone-agent'],
    outcomes: [
      { events: SETTLED, to: 'AWAITING_TECH_FINDING' },
      { events: SETTLED, to: 'CLOSED_SETTLED_BY_ECOIN' },
    ],
  },
  // Technical management may answer while the agent is still settling
  // (4.3 "同时"); the centre keeps the ticket then.
  ...sameInEach<
    OrderAnomalyCommandType,
    OrderAnomalyEventType,
    OrderAnomalyStatus
  >(
    'RecordTechFinding',
    ['MANUAL_SETTLEMENT', 'AWAITING_TOPUP'],
    ['tech-manager'],
    ['order-anomaly.tech-finding-recorded'],
  ),
  {
    command: 'RecordTechFinding',
    from: 'AWAITING_TECH_FINDING',
    roles: ['tech-manager'],
    outcomes: [
      {
        events: ['order-anomaly.tech-finding-recorded'],
        to: 'CLOSED_SETTLED_BY_ECOIN',
      },
    ],
  },
];
