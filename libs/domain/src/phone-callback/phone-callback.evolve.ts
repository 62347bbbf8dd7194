import type { PhoneCallbackEvent } from './phone-callback.events';
import type { PhoneCallbackState } from './phone-callback.state';

/** The fold: a call-back's state after one more event. */
export function evolvePhoneCallback(
  state: PhoneCallbackState,
  event: PhoneCallbackEvent,
): PhoneCallbackState {
  switch (event.type) {
    case 'phone-callback.opened': {
      const { ticketNumber, reason, contact, subject, origin, subsidiaryId } =
        event.data;
      return {
        ...state,
        status: 'OPEN',
        ticketNumber,
        reason,
        contact,
        subject,
        ...(origin ? { origin } : {}),
        ...(subsidiaryId ? { subsidiaryId } : {}),
      };
    }
    case 'phone-callback.prepared':
      return { ...state, status: 'PREPARED' };
    case 'phone-callback.attempt-recorded': {
      const { attemptNo, at, outcome, unreachedReported } = event.data;
      const attempts = [...state.attempts, { attemptNo, at, outcome }];
      if (unreachedReported) {
        return {
          ...state,
          status: 'UNREACHED_REPORTED',
          outcome: 'unreached',
          attempts,
        };
      }
      return {
        ...state,
        status: outcome === 'answered' ? 'CONNECTED' : 'ATTEMPTING',
        attempts,
      };
    }
    case 'phone-callback.unreached-reported':
      return { ...state, status: 'UNREACHED_REPORTED', outcome: 'unreached' };
    case 'phone-callback.closed-satisfied':
      return { ...state, status: 'CLOSED_SATISFIED', outcome: 'satisfied' };
    case 'phone-callback.escalated':
      return { ...state, status: 'ESCALATED', escalatedTo: event.data.to };
    case 'phone-callback.second-call-made':
      // A satisfied second call is followed by closed-satisfied in the
      // same append.
      return event.data.userSatisfied
        ? state
        : { ...state, status: 'STILL_DISSATISFIED' };
    case 'phone-callback.complaint-opened':
      return { ...state, status: 'HANDED_TO_COMPLAINT', outcome: 'complaint' };
    case 'phone-callback.closed-dissatisfied':
      return {
        ...state,
        status: 'CLOSED_DISSATISFIED',
        outcome: 'dissatisfied',
      };
    case 'phone-callback.unreached-closed':
      return { ...state, status: 'CLOSED_UNREACHED' };
    case 'phone-callback.cancelled':
      return { ...state, status: 'NOT_NEEDED', outcome: 'not-needed' };
    case 'phone-callback.deadline-warned':
      return state;
    case 'phone-callback.deadline-breached': {
      const raised = event.data.priorityRaisedTo;
      return raised ? { ...state, priority: raised } : state;
    }
    default: {
      const unknown: never = event;
      throw new Error(
        `Unknown phone-callback event type: ${(unknown as { type: string }).type}`,
      );
    }
  }
}
