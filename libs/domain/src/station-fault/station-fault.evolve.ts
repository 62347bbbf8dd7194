import { categoriseFault } from './station-fault.category';
import type { StationFaultEvent } from './station-fault.events';
import type { StationFaultState } from './station-fault.state';

/**
 * The fold: a ticket's state after one more event. Events are facts, so
 * nothing here refuses one; the decider is where commands are refused.
 */
export function evolveStationFault(
  state: StationFaultState,
  event: StationFaultEvent,
): StationFaultState {
  switch (event.type) {
    case 'station-fault.call-received': {
      const { ticketNumber, reporter, callTime } = event.data;
      // Always followed by fault-recorded in the same append, so the
      // ticket only becomes RECORDED once both are folded.
      return { ...state, ticketNumber, reporter, callTime };
    }
    case 'station-fault.fault-recorded': {
      const { station, faultDescription, suspectedChargingPile } = event.data;
      return {
        ...state,
        status: 'RECORDED',
        station,
        faultDescription,
        suspectedChargingPile,
        chargingPileId: event.data.chargingPileId,
        category:
          event.data.category ??
          categoriseFault(faultDescription, suspectedChargingPile),
      };
    }
    case 'station-fault.task-created':
      return { ...state, status: 'AWAITING_DISPATCH' };
    case 'station-fault.dispatched-to-region':
      return {
        ...state,
        status: 'AT_REGIONAL_PLATFORM',
        regionalPlatformId: event.data.regionalPlatformId,
      };
    case 'station-fault.inspection-assigned':
      return {
        ...state,
        status: 'INSPECTION_ASSIGNED',
        inspectorId: event.data.inspectorId,
        inspectionVisits: state.inspectionVisits + 1,
      };
    case 'station-fault.inspector-arrived':
      return { ...state, status: 'INSPECTING' };
    case 'station-fault.fault-cleared-by-inspector':
      return {
        ...state,
        status: 'RESOLVED_BY_INSPECTION',
        lastResult: event.data.resolutionNote,
      };
    case 'station-fault.fault-not-cleared':
      return {
        ...state,
        status: 'UNRESOLVED_AT_PLATFORM',
        lastResult: event.data.findings,
      };
    case 'station-fault.unresolved-reported-to-dispatch':
      return { ...state, status: 'UNRESOLVED_AT_DISPATCH' };
    case 'station-fault.escalated-to-station-manager':
      return { ...state, status: 'AT_STATION_MANAGER' };
    case 'station-fault.ops-task-assigned':
      return {
        ...state,
        status: 'AT_OPS_TEAM',
        opsTeamId: event.data.opsTeamId,
      };
    case 'station-fault.fault-classified':
      // Always followed by supplier-dispatched or on-site-repair-started
      // in the same append, which moves the ticket on.
      return {
        ...state,
        isChargingPileIssue: event.data.isChargingPileIssue,
        chargingPileId: event.data.chargingPileId ?? state.chargingPileId,
      };
    case 'station-fault.supplier-dispatched':
      return {
        ...state,
        status: 'SUPPLIER_HANDLING',
        supplierId: event.data.supplierId,
        chargingPileId: event.data.chargingPileId,
      };
    case 'station-fault.on-site-repair-started':
      return {
        ...state,
        status: 'OPS_REPAIRING',
        repairTicketId: event.data.repairTicketId,
      };
    case 'station-fault.supplier-handling-completed':
    case 'station-fault.ops-repair-completed': {
      const { outcome, result } = event.data;
      const handledBy =
        event.type === 'station-fault.supplier-handling-completed'
          ? 'supplier'
          : 'ops-team';
      // Gap G-e: a repair that did not fix the fault goes back to
      // operations, who classify it again.
      return outcome === 'fixed'
        ? { ...state, status: 'HANDLING_DONE', handledBy, lastResult: result }
        : { ...state, status: 'AT_OPS_TEAM', lastResult: result };
    }
    case 'station-fault.result-reported-to-station-manager':
      return {
        ...state,
        status: 'RESULT_AT_STATION_MANAGER',
        lastResult: event.data.result,
      };
    case 'station-fault.result-notified-to-customer-service':
      return {
        ...state,
        status: 'RESULT_NOTIFIED',
        resultSummary: event.data.resultSummary,
        finalStatus: event.data.finalStatus,
      };
    case 'station-fault.reporter-informed':
      // Always followed by ticket-closed in the same append.
      return { ...state, contactOutcome: event.data.contactOutcome };
    case 'station-fault.ticket-closed':
      return { ...state, status: 'CLOSED', closedAt: event.data.closedAt };
    // A timer's record changes nobody's move; a breach may raise priority.
    case 'station-fault.deadline-warned':
      return state;
    case 'station-fault.deadline-breached': {
      const raised = event.data.priorityRaisedTo;
      return raised ? { ...state, priority: raised } : state;
    }
    default: {
      // A type this code does not know means the stream was written by a
      // newer release; guessing a state from it would be worse than
      // refusing to fold.
      const unknown: never = event;
      throw new Error(
        `Unknown station-fault event type: ${(unknown as { type: string }).type}`,
      );
    }
  }
}
