import type { Custody } from '../shared';
import type { RepeatCallerState } from './repeat-caller.state';

/** Who holds the ticket: the role whose move it is. */
export function repeatCallerCustody(state: RepeatCallerState): Custody {
  switch (state.status) {
    case 'NEW':
    case 'CALL_CLOSED':
    case 'CLOSED':
      return { role: null };
    // The agent promised a time frame and settles the call in it.
    // TODO(#11): a call linked into an escalation stays in the agent's
    // inbox (the link is written on the escalation only) until closed.
    case 'CALL_RECORDED':
      return { role: 'cs-phone-agent' };
    case 'ESCALATED':
    case 'RECORDINGS_REVIEWED':
    case 'RESOLVED':
      return { role: 'cs-manager-outsourcer' };
    // TODO(#11): custody is one role, so during the AND-split the ticket
    // sits with the operations head; HQ PR finds it through the list
    // (status AWAITING_PLANS) until the engine can hold parallel steps.
    case 'INCIDENT_REPORTED':
    case 'AWAITING_PLANS':
    case 'AWAITING_OPS_PLAN':
      return { role: 'subsidiary-ops-head' };
    case 'AWAITING_PR_PLAN':
      return { role: 'hq-pr-manager' };
    case 'PLAN_REVIEW':
      return { role: 'subsidiary-gm' };
    case 'PLAN_APPROVED':
    case 'FOLLOWING_UP':
      return { role: 'cs-phone-agent' };
    default: {
      const unknown: never = state.status;
      throw new Error(`Unknown repeat-caller status: ${String(unknown)}`);
    }
  }
}
