import type { Custody } from '../shared';
import type { StationFaultState } from './station-fault.state';

/** Who holds the ticket: the role whose move it is, and the assignee. */
export function stationFaultCustody(state: StationFaultState): Custody {
  switch (state.status) {
    // Nobody holds a ticket before its intake append is complete.
    case 'NEW':
      return { role: null };
    case 'RECORDED':
      return { role: 'cs-phone-agent' };
    case 'AWAITING_DISPATCH':
    case 'UNRESOLVED_AT_DISPATCH':
      return { role: 'dispatch-manager' };
    case 'AT_REGIONAL_PLATFORM':
    case 'UNRESOLVED_AT_PLATFORM':
    // The platform passes the inspector's result on to the centre (G-d).
    case 'RESOLVED_BY_INSPECTION':
      return { role: 'regional-platform' };
    case 'INSPECTION_ASSIGNED':
    case 'INSPECTING':
      return held('regional-inspector', state.inspectorId);
    case 'AT_STATION_MANAGER':
    case 'RESULT_AT_STATION_MANAGER':
      return { role: 'station-manager' };
    case 'AT_OPS_TEAM':
    case 'OPS_REPAIRING':
    case 'HANDLING_DONE':
      return held('station-ops-team', state.opsTeamId);
    case 'SUPPLIER_HANDLING':
      return held('charging-pile-supplier', state.supplierId);
    case 'RESULT_NOTIFIED':
      return { role: 'cs-phone-agent' };
    case 'CLOSED':
      return { role: null };
    default: {
      const unknown: never = state.status;
      throw new Error(`Unknown station-fault status: ${String(unknown)}`);
    }
  }
}

function held(role: Custody['role'], assigneeId: string | undefined): Custody {
  return assigneeId === undefined ? { role } : { role, assigneeId };
}
