import type { TrafficViolationEvent } from './traffic-violation.events';
import type { TrafficViolationState } from './traffic-violation.state';

/** The fold. Events are facts: nothing here refuses one. */
export function evolveTrafficViolation(
  state: TrafficViolationState,
  event: TrafficViolationEvent,
): TrafficViolationState {
  switch (event.type) {
    case 'traffic-violation.violation-entered': {
      const d = event.data;
      return {
        ...state,
        status: 'NOTIFYING',
        ticketNumber: d.ticketNumber,
        subsidiaryId: d.subsidiaryId,
        memberId: d.memberId,
        violation: d.violation,
        schedule: d.schedule,
      };
    }
    case 'traffic-violation.sms-sent':
      return { ...state, smsSent: Math.max(state.smsSent, event.data.day + 1) };
    case 'traffic-violation.caller-routed-to-online':
      return state;
    case 'traffic-violation.materials-emailed':
      return {
        ...state,
        materialsPushed: true,
        status: state.status === 'NOTIFYING' ? 'NOTIFYING' : 'AWAITING_USER',
      };
    case 'traffic-violation.first-days-ended':
      return {
        ...state,
        status: event.data.materialsPushed ? 'AWAITING_USER' : 'REMINDER_DUE',
      };
    case 'traffic-violation.reminder-call-made':
      return {
        ...state,
        calls: [
          ...state.calls,
          { step: 'reminder', outcome: event.data.contactOutcome },
        ],
      };
    case 'traffic-violation.unpushed-list-handed-to-online':
      return { ...state, status: 'UNPUSHED_AT_ONLINE' };
    case 'traffic-violation.warning-call-due':
      return { ...state, status: 'WARNING_DUE' };
    case 'traffic-violation.warning-call-made':
      return {
        ...state,
        status: 'WARNED',
        calls: [
          ...state.calls,
          { step: 'warning', outcome: event.data.contactOutcome },
        ],
      };
    case 'traffic-violation.risk-call-due':
      return { ...state, status: 'RISK_CALL_DUE' };
    case 'traffic-violation.risk-control-call-made':
      return {
        ...state,
        status: 'FINAL_NOTICE',
        deductionDay: event.data.deductionDay,
        deductionDueAt: event.data.deductionDueAt,
        calls: [
          ...state.calls,
          { step: 'risk', outcome: event.data.contactOutcome },
        ],
      };
    case 'traffic-violation.deduction-due':
      return { ...state, status: 'DEDUCTION_DUE' };
    case 'traffic-violation.severity-assessed':
      return state;
    case 'traffic-violation.in-person-collection-started':
      return { ...state, status: 'IN_PERSON_COLLECTION' };
    case 'traffic-violation.collection-result-recorded':
      // A visit begun in FINAL_NOTICE (before the deduction day) that
      // collects nothing lands in DEDUCTION_DUE too; the decider refuses
      // the deduction until its day. TODO(#10): a state of its own would
      // show that the case still waits for the day.
      return event.data.collected
        ? {
            ...state,
            status: 'CLOSED_BY_COLLECTION',
            collectedFen: event.data.amountFen,
          }
        : { ...state, status: 'DEDUCTION_DUE' };
    case 'traffic-violation.deposit-deduction-requested':
      return {
        ...state,
        status: 'AT_FINANCE',
        requestedFineFen: event.data.fineFen,
      };
    case 'traffic-violation.deposit-frozen':
      return state;
    case 'traffic-violation.fine-deducted-as-penalty':
      return {
        ...state,
        status: 'DEDUCTED',
        deductedFen: event.data.amountFen,
      };
    case 'traffic-violation.result-notified-to-centre':
      return state;
    case 'traffic-violation.handed-to-receivables':
      return {
        ...state,
        status: 'CLOSED_BY_DEDUCTION',
        receivableCaseId: event.data.receivableCaseId,
      };
    case 'traffic-violation.handled-by-user':
      return { ...state, status: 'HANDLED_BY_USER' };
    default: {
      const unknown: never = event;
      throw new Error(
        `Unknown traffic-violation event type: ${(unknown as { type: string }).type}`,
      );
    }
  }
}
