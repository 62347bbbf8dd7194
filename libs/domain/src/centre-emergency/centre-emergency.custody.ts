import type { Custody } from '../shared';
import { pendingFollowUp } from './centre-emergency.follow-up';
import type { CentreEmergencyState } from './centre-emergency.state';

/** Who holds the emergency: the role whose move it is. */
export function centreEmergencyCustody(state: CentreEmergencyState): Custody {
  switch (state.status) {
    case 'NEW':
    case 'CLOSED_EMERGENCY_MECHANISM':
    case 'CLOSED_RESOLVED':
      return { role: null };
    case 'PRE_ANNOUNCED':
    case 'UNANNOUNCED':
      return { role: 'cs-manager-outsourcer' };
    case 'ETA_CONFIRMED':
      return { role: 'cs-supervisor' };
    case 'DEGRADED_OPERATION':
      return { role: 'tech-manager' };
    case 'RECOVERING': {
      // The agents back-fill and call back; then the supervisor closes.
      const pending = pendingFollowUp(state);
      const agentsOwe =
        pending.pendingEntries.length > 0 ||
        pending.pendingCalls.length > 0 ||
        pending.missingSteps.includes('deferred-requests-processed');
      return { role: agentsOwe ? 'cs-phone-agent' : 'cs-supervisor' };
    }
    default: {
      const unknown: never = state.status;
      throw new Error(`Unknown centre-emergency status: ${String(unknown)}`);
    }
  }
}
