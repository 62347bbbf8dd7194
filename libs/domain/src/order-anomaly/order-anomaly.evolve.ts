import type { OrderAnomalyEvent } from './order-anomaly.events';
import type { OrderAnomalyState } from './order-anomaly.state';

/** The fold. Events are facts: nothing here refuses one. */
export function evolveOrderAnomaly(
  state: OrderAnomalyState,
  event: OrderAnomalyEvent,
): OrderAnomalyState {
  switch (event.type) {
    case 'order-anomaly.reported': {
      const d = event.data;
      return {
        ...state,
        status: 'REPORTED',
        ticketNumber: d.ticketNumber,
        subsidiaryId: d.subsidiaryId,
        orderId: d.orderId,
        memberId: d.memberId,
        vehicleId: d.vehicleId,
        callTime: d.callTime,
        description: d.description,
      };
    }
    case 'order-anomaly.trajectory-reviewed':
      return {
        ...state,
        status: 'USAGE_DETERMINED',
        usageStartedAt: event.data.usageStartedAt,
        usageEndedAt: event.data.usageEndedAt,
      };
    case 'order-anomaly.order-restored':
      // Always followed by user-guided-to-pay-in-app in the same append.
      return { ...state, restored: true };
    case 'order-anomaly.user-guided-to-pay-in-app':
      return { ...state, status: 'CLOSED_PAID_IN_APP' };
    case 'order-anomaly.order-restore-failed':
      return {
        ...state,
        restored: false,
        restoreFailureReason: event.data.reason,
      };
    case 'order-anomaly.reported-to-tech-manager':
      return { ...state, status: 'MANUAL_SETTLEMENT' };
    case 'order-anomaly.e-coin-top-up-requested':
      return {
        ...state,
        status: 'AWAITING_TOPUP',
        orderFeeFen: event.data.orderFeeFen,
      };
    case 'order-anomaly.e-coin-deducted':
      return { ...state, eCoinFen: event.data.eCoinFen };
    case 'order-anomaly.order-settled':
      return { ...state, settledAt: event.data.settledAt };
    case 'order-anomaly.user-notified-of-result': {
      // Settled: the ticket ends here unless technical management has
      // still to answer.
      const answered = state.techFinding !== undefined;
      return {
        ...state,
        contactOutcome: event.data.contactOutcome,
        status: answered ? 'CLOSED_SETTLED_BY_ECOIN' : 'AWAITING_TECH_FINDING',
      };
    }
    case 'order-anomaly.tech-finding-recorded': {
      const techFinding = {
        finding: event.data.finding,
        fixed: event.data.fixed,
      };
      return state.status === 'AWAITING_TECH_FINDING'
        ? { ...state, techFinding, status: 'CLOSED_SETTLED_BY_ECOIN' }
        : { ...state, techFinding };
    }
    default: {
      // Written by a newer release: refusing to fold beats guessing.
      const unknown: never = event;
      throw new Error(
        `Unknown order-anomaly event type: ${(unknown as { type: string }).type}`,
      );
    }
  }
}
