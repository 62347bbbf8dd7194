import type { Custody } from '../shared';
import type { RepairOrderState } from './repair-order.state';

/** Who holds the visit: the role whose move it is. */
export function repairOrderCustody(state: RepairOrderState): Custody {
  switch (state.status) {
    case 'NEW':
    case 'ARCHIVED':
      return { role: null };
    case 'BOOKED':
      // The timer's move next; the register sits with reception.
      return { role: 'repair-shop-receptionist' };
    case 'AWAITING_CONFIRMATION':
    case 'CONFIRMED':
    case 'AWAITING_REBOOKING':
    case 'RECEPTION':
    case 'CHANGE_PENDING':
      return { role: 'repair-shop-receptionist' };
    case 'QUICK_RECEPTION':
      return { role: 'repair-quick-team' };
    case 'DELIVERED':
      // Survey and archive are reception's, whoever repaired.
      return { role: 'repair-shop-receptionist' };
    case 'AUTHORISED':
    case 'SETTLED':
      return {
        role:
          state.receivedBy === 'repair-quick-team'
            ? 'repair-quick-team'
            : 'repair-shop-receptionist',
      };
    case 'IN_REPAIR':
      return state.technicianId
        ? { role: 'repair-technician', assigneeId: state.technicianId }
        : { role: 'repair-technician' };
    case 'AWAITING_INSPECTION':
      return { role: 'repair-quality-inspector' };
    case 'AWAITING_SETTLEMENT':
    case 'FEE_DISPUTE':
      return { role: 'repair-cashier' };
    default: {
      const unknown: never = state.status;
      throw new Error(`Unknown repair-order status: ${String(unknown)}`);
    }
  }
}
