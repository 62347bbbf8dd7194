import type { Custody } from '../shared';
import type { MembershipCardState } from './membership-card.state';

/** Who holds the inquiry: the agent who took it, while it is their move. */
export function membershipCardCustody(state: MembershipCardState): Custody {
  const agent =
    state.channel === 'online' ? 'cs-online-agent' : 'cs-phone-agent';
  switch (state.status) {
    case 'NEW':
    case 'CLOSED_REJECTED':
    case 'CLOSED_SHIPPED':
      return { role: null };
    case 'INQUIRY':
    case 'STATUS_CHECK':
      return { role: agent };
    case 'AWAITING_CARD':
      // The user waits: nobody's move until a reminder brings it back.
      // Past the 5 working days the promise to the user is broken, so a
      // look that finds nothing leaves the case in the agent's inbox
      // until the card is posted: no further timer would bring it back.
      return { role: state.reminded || state.escalated ? agent : null };
    default: {
      const unknown: never = state.status;
      throw new Error(`Unknown membership-card status: ${String(unknown)}`);
    }
  }
}
