import type { CentreEmergencyEvent } from './centre-emergency.events';
import type { CentreEmergencyState } from './centre-emergency.state';

const sameTicket =
  (ref: { processId: string; ticketId: string }) =>
  (other: { processId: string; ticketId: string }) =>
    other.processId === ref.processId && other.ticketId === ref.ticketId;

/** The fold. Events are facts: nothing here refuses one. */
export function evolveCentreEmergency(
  state: CentreEmergencyState,
  event: CentreEmergencyEvent,
): CentreEmergencyState {
  switch (event.type) {
    case 'centre-emergency.fault-logged': {
      const d = event.data;
      return {
        ...state,
        status: d.advanceNotice ? 'PRE_ANNOUNCED' : 'UNANNOUNCED',
        ticketNumber: d.ticketNumber,
        subsidiaryId: d.subsidiaryId,
        faultType: d.faultType,
        advanceNotice: d.advanceNotice,
        detectedAt: d.detectedAt,
        description: d.description,
      };
    }
    case 'centre-emergency.emergency-mechanism-activated':
      return { ...state, status: 'CLOSED_EMERGENCY_MECHANISM' };
    case 'centre-emergency.repair-eta-confirmed':
      // Always followed by reported-to-hq-cs-manager in the same append.
      return { ...state, eta: event.data.eta };
    case 'centre-emergency.reported-to-hq-cs-manager':
      return { ...state, status: 'ETA_CONFIRMED' };
    case 'centre-emergency.all-hands-on-phones':
      return { ...state, status: 'DEGRADED_OPERATION' };
    case 'centre-emergency.two-managers-designated':
      return { ...state, managers: event.data.managers };
    case 'centre-emergency.tianrun-repair-reported':
      return { ...state, tianrunReported: true };
    case 'centre-emergency.handwritten-request-recorded':
      return {
        ...state,
        handwritten: [
          ...state.handwritten,
          { entryId: event.data.entryId, backfilled: false },
        ],
      };
    case 'centre-emergency.missed-call-recorded':
      return {
        ...state,
        missedCalls: [...state.missedCalls, { callId: event.data.callId }],
      };
    case 'centre-emergency.reported-to-cs-manager':
      return { ...state, reportedToCsManager: true };
    case 'centre-emergency.online-staff-lent':
    case 'centre-emergency.next-shift-called-in-early':
    case 'centre-emergency.support-staff-deployed':
      // Staffing records: the timeline shows them, the fold needs nothing.
      return state;
    case 'centre-emergency.fault-resolved':
      return {
        ...state,
        status: 'RECOVERING',
        resolvedAt: event.data.resolvedAt,
      };
    case 'centre-emergency.task-backfilled': {
      const { entryId, ticket } = event.data;
      return {
        ...state,
        handwritten: state.handwritten.map((entry) =>
          entry.entryId === entryId
            ? { ...entry, backfilled: true, ...(ticket && { ticket }) }
            : entry,
        ),
      };
    }
    case 'centre-emergency.missed-call-called-back': {
      const { callId, outcome } = event.data;
      return {
        ...state,
        missedCalls: state.missedCalls.map((call) =>
          call.callId === callId ? { ...call, outcome } : call,
        ),
      };
    }
    case 'centre-emergency.deferred-requests-processed':
      return {
        ...state,
        deferredHandled: (state.deferredHandled ?? 0) + event.data.handled,
      };
    case 'centre-emergency.emergency-closed':
      return { ...state, status: 'CLOSED_RESOLVED' };
    case 'centre-emergency.ticket-linked': {
      const { processId, ticketId, ticketNumber } = event.data;
      return {
        ...state,
        linkedTickets: [
          ...state.linkedTickets,
          { processId, ticketId, ...(ticketNumber && { ticketNumber }) },
        ],
      };
    }
    case 'centre-emergency.ticket-unlinked':
      return {
        ...state,
        linkedTickets: state.linkedTickets.filter(
          (link) => !sameTicket(event.data)(link),
        ),
      };
    default: {
      // Written by a newer release: refusing to fold beats guessing.
      const unknown: never = event;
      throw new Error(
        `Unknown centre-emergency event type: ${(unknown as { type: string }).type}`,
      );
    }
  }
}

export { sameTicket };
