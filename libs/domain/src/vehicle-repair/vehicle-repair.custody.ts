import type { Custody } from '../shared';
import type { VehicleRepairState } from './vehicle-repair.state';

/** Who holds the case: the role whose move it is. */
export function vehicleRepairCustody(state: VehicleRepairState): Custody {
  switch (state.status) {
    case 'NEW':
    case 'CLOSED_REPAIRED':
    case 'CLOSED_UNREPAIRED':
      return { role: null };
    // The shop's front desk: rescue, reception, returning and delivery.
    // A member's quote is put to them at the desk too (the agent may
    // record it as well, when the member answers by phone).
    case 'AWAITING_RESCUE':
    case 'RESCUE_DISPATCHED':
    case 'AWAITING_RECEPTION':
    case 'QUOTE_AWAITING_MEMBER':
    case 'AWAITING_RETURN_UNREPAIRED':
    case 'READY_FOR_DELIVERY':
    case 'AWAITING_COLLECTION':
      return { role: 'repair-shop-receptionist' };
    case 'RECEIVED':
    case 'REPAIRING':
      return { role: 'repair-technician' };
    case 'QUOTE_AWAITING_FLEET':
      return { role: 'fleet-admin' };
    case 'AFTER_SALES_SUPPORT':
    case 'AWAITING_ANALYSIS_REPORT':
      return { role: 'repair-after-sales' };
    case 'ASSISTANT_GM_SUPPORT':
      return { role: 'repair-assistant-gm' };
    case 'AWAITING_QUALITY_CHECK':
      return { role: 'repair-quality-inspector' };
    // The centre calls the driver back: warranty follow-up and survey.
    case 'UNDER_WARRANTY':
    case 'AWAITING_SURVEY':
      return { role: 'cs-phone-agent' };
    default: {
      const unknown: never = state.status;
      throw new Error(`Unknown vehicle-repair status: ${String(unknown)}`);
    }
  }
}
