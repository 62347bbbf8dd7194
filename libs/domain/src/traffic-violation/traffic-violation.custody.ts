import type { Custody } from '../shared';
import type { TrafficViolationState } from './traffic-violation.state';

/** Who holds the case: the role whose move it is (the system: a timer). */
export function trafficViolationCustody(state: TrafficViolationState): Custody {
  switch (state.status) {
    case 'NEW':
    case 'HANDLED_BY_USER':
    case 'CLOSED_BY_COLLECTION':
    case 'CLOSED_BY_DEDUCTION':
      return { role: null };
    case 'NOTIFYING':
    case 'AWAITING_USER':
    case 'WARNED':
    case 'FINAL_NOTICE':
      return { role: 'system' };
    case 'REMINDER_DUE':
    case 'WARNING_DUE':
      return { role: 'cs-violation-reminder-specialist' };
    case 'UNPUSHED_AT_ONLINE':
      return { role: 'cs-online-agent' };
    case 'RISK_CALL_DUE':
    case 'DEDUCTION_DUE':
    case 'IN_PERSON_COLLECTION':
    case 'DEDUCTED':
      return { role: 'risk-control-manager' };
    case 'AT_FINANCE':
      return { role: 'finance-manager' };
    default: {
      const unknown: never = state.status;
      throw new Error(`Unknown traffic-violation status: ${String(unknown)}`);
    }
  }
}
