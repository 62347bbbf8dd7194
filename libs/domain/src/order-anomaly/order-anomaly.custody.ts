import type { Custody } from '../shared';
import type { OrderAnomalyState } from './order-anomaly.state';

/** Who holds the ticket: the role whose move it is. */
export function orderAnomalyCustody(state: OrderAnomalyState): Custody {
  switch (state.status) {
    case 'NEW':
    case 'CLOSED_PAID_IN_APP':
    case 'CLOSED_SETTLED_BY_ECOIN':
      return { role: null };
    // The agent keeps the case while the tech report runs in parallel.
    case 'REPORTED':
    case 'USAGE_DETERMINED':
    case 'MANUAL_SETTLEMENT':
    case 'AWAITING_TOPUP':
      return { role: 'cs-phone-agent' };
    case 'AWAITING_TECH_FINDING':
      return { role: 'tech-manager' };
    default: {
      const unknown: never = state.status;
      throw new Error(`Unknown order-anomaly status: ${String(unknown)}`);
    }
  }
}
