import type { Fen, TableState } from '../shared';
import type { OrderAnomalyContactOutcome } from './order-anomaly.events';
import type { OrderAnomalyStatus } from './order-anomaly.states';

/** An order-anomaly ticket as folded from its events. */
export interface OrderAnomalyState extends TableState<OrderAnomalyStatus> {
  ticketNumber?: string;
  orderId?: string;
  memberId?: string;
  vehicleId?: string;
  callTime?: string;
  description?: string;
  usageStartedAt?: string;
  usageEndedAt?: string;
  restored?: boolean;
  restoreFailureReason?: string;
  /** The fee the user was told to top up for (4.3.1). */
  orderFeeFen?: Fen;
  eCoinFen?: Fen;
  settledAt?: string;
  contactOutcome?: OrderAnomalyContactOutcome;
  techFinding?: { finding: string; fixed: boolean };
}

export const initialOrderAnomalyState: OrderAnomalyState = { status: 'NEW' };
