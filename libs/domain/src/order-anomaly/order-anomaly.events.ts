import type { DomainEvent, Fen } from '../shared';

export type OrderAnomalyContactOutcome = 'reached' | 'unreachable';

type E<T extends string, D extends object> = DomainEvent<
  `order-anomaly.${T}`,
  D
>;

/** Trigger: a user calls about an order that did not start or end right. */
export type OrderAnomalyReported = E<
  'reported',
  {
    ticketNumber: string;
    subsidiaryId?: string;
    orderId: string;
    memberId: string;
    vehicleId: string;
    caller: { phone: string; name?: string };
    callTime: string;
    description: string;
  }
>;
/** 4.1: the vehicle's trip record (车辆行驶轨迹) gives the real use. */
export type TrajectoryReviewed = E<
  'trajectory-reviewed',
  { usageStartedAt: string; usageEndedAt: string; note?: string }
>;
/** 4.2 / 4.3 (yes): the order restored with the trajectory's times. */
export type OrderRestored = E<
  'order-restored',
  { restoredStartAt: string; restoredEndAt: string }
>;
/** 4.3 (yes): the user pays the restored order in the app; the end. */
export type UserGuidedToPayInApp = E<
  'user-guided-to-pay-in-app',
  { note?: string }
>;
/** 4.3 (no): restoring failed. */
export type OrderRestoreFailed = E<'order-restore-failed', { reason: string }>;
/** 4.3 (no): reported to HQ technical management, in parallel (同时). */
export type ReportedToTechManager = E<
  'reported-to-tech-manager',
  { summary: string }
>;
/** 4.3.1: the user is told to top up E币 and that it will be deducted. */
export type ECoinTopUpRequested = E<
  'e-coin-top-up-requested',
  { orderFeeFen: Fen; note?: string }
>;
/** 4.3.2: E币 deducted, … */
export type ECoinDeducted = E<'e-coin-deducted', { eCoinFen: Fen }>;
/** … the order settled, … */
export type OrderSettled = E<
  'order-settled',
  { orderFeeFen: Fen; settledAt: string }
>;
/** … and the user told the result. */
export type UserNotifiedOfResult = E<
  'user-notified-of-result',
  { contactOutcome: OrderAnomalyContactOutcome; note?: string }
>;
/** Gap: what technical management found (the manual gives no return). */
export type TechFindingRecorded = E<
  'tech-finding-recorded',
  { finding: string; fixed: boolean }
>;

export type OrderAnomalyEvent =
  | OrderAnomalyReported
  | TrajectoryReviewed
  | OrderRestored
  | UserGuidedToPayInApp
  | OrderRestoreFailed
  | ReportedToTechManager
  | ECoinTopUpRequested
  | ECoinDeducted
  | OrderSettled
  | UserNotifiedOfResult
  | TechFindingRecorded;

export type OrderAnomalyEventType = OrderAnomalyEvent['type'];
