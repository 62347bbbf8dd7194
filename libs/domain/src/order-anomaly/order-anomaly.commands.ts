import type { DomainCommand, Fen } from '../shared';
import type { OrderAnomalyContactOutcome } from './order-anomaly.events';

type C<T extends string, P extends object> = DomainCommand<T, P>;

/** Trigger: the phone agent takes the call (the number is filled in). */
export type ReportOrderAnomaly = C<
  'ReportOrderAnomaly',
  {
    ticketNumber: string;
    orderId: string;
    memberId: string;
    vehicleId: string;
    caller: { phone: string; name?: string };
    callTime: string;
    description: string;
  }
>;
/** 4.1 */
export type ReviewTrajectory = C<
  'ReviewTrajectory',
  { usageStartedAt: string; usageEndedAt: string; note?: string }
>;
/** 4.2 / 4.3: was the order restored? */
export type RecordRestoreResult = C<
  'RecordRestoreResult',
  | { restored: true; note?: string }
  | { restored: false; reason: string; techSummary: string }
>;
/** 4.3.1 */
export type RequestECoinTopUp = C<
  'RequestECoinTopUp',
  { orderFeeFen: Fen; note?: string }
>;
/** 4.3.2 */
export type SettleWithECoin = C<
  'SettleWithECoin',
  { eCoinFen: Fen; contactOutcome: OrderAnomalyContactOutcome; note?: string }
>;
/** Gap: technical management answers the failure report. */
export type RecordTechFinding = C<
  'RecordTechFinding',
  { finding: string; fixed: boolean }
>;

export type OrderAnomalyCommand =
  | ReportOrderAnomaly
  | ReviewTrajectory
  | RecordRestoreResult
  | RequestECoinTopUp
  | SettleWithECoin
  | RecordTechFinding;

export type OrderAnomalyCommandType = OrderAnomalyCommand['type'];

// A record, so that a command added to the union and forgotten here
// fails to compile.
const COMMAND_TYPES: Record<OrderAnomalyCommandType, true> = {
  ReportOrderAnomaly: true,
  ReviewTrajectory: true,
  RecordRestoreResult: true,
  RequestECoinTopUp: true,
  SettleWithECoin: true,
  RecordTechFinding: true,
};

export const ORDER_ANOMALY_COMMAND_TYPES = Object.keys(
  COMMAND_TYPES,
) as OrderAnomalyCommandType[];
