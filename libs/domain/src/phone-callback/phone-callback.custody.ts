import type { Custody } from '../shared';
import type { PhoneCallbackState } from './phone-callback.state';

/** Who holds a call-back: the agent until a leader or nobody takes it. */
export function phoneCallbackCustody(state: PhoneCallbackState): Custody {
  switch (state.status) {
    case 'NEW':
      return { role: null };
    case 'OPEN':
    case 'PREPARED':
    case 'ATTEMPTING':
    case 'CONNECTED':
      return { role: 'cs-phone-agent' };
    case 'ESCALATED':
    case 'STILL_DISSATISFIED':
      return { role: state.escalatedTo ?? 'cs-shift-leader' };
    case 'UNREACHED_REPORTED':
      return { role: 'cs-shift-leader' };
    case 'CLOSED_SATISFIED':
    case 'CLOSED_DISSATISFIED':
    case 'HANDED_TO_COMPLAINT':
    case 'CLOSED_UNREACHED':
    case 'NOT_NEEDED':
      return { role: null };
    default: {
      const unknown: never = state.status;
      throw new Error(`Unknown phone-callback status: ${String(unknown)}`);
    }
  }
}
