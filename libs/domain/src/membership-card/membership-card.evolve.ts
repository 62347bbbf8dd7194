import type { MembershipCardEvent } from './membership-card.events';
import type { MembershipCardState } from './membership-card.state';

/** The fold. Events are facts: nothing here refuses one. */
export function evolveMembershipCard(
  state: MembershipCardState,
  event: MembershipCardEvent,
): MembershipCardState {
  switch (event.type) {
    case 'membership-card.inquiry-received': {
      const d = event.data;
      return {
        ...state,
        status: 'INQUIRY',
        ticketNumber: d.ticketNumber,
        subsidiaryId: d.subsidiaryId,
        channel: d.channel,
        memberId: d.memberId,
      };
    }
    case 'membership-card.user-guided-to-self-check':
      return { ...state, status: 'STATUS_CHECK' };
    case 'membership-card.rejection-reason-looked-up':
      return {
        ...state,
        rejection: {
          reasonKnown: event.data.reasonKnown,
          ...(event.data.reason !== undefined && { reason: event.data.reason }),
        },
      };
    case 'membership-card.user-informed-of-rejection':
      return { ...state, status: 'CLOSED_REJECTED' };
    case 'membership-card.tracking-number-looked-up': {
      const { courier, trackingNo, mailedAt } = event.data;
      return { ...state, shipment: { courier, trackingNo, mailedAt } };
    }
    case 'membership-card.user-told-tracking-number':
      return { ...state, status: 'CLOSED_SHIPPED', reminded: false };
    case 'membership-card.user-told-to-wait':
      return {
        ...state,
        status: 'AWAITING_CARD',
        waitingSince: event.data.waitingSince,
      };
    case 'membership-card.card-still-not-mailed':
      return { ...state, reminded: false };
    case 'membership-card.deadline-warned':
      // The 3-working-day reminder: back to the agent's inbox.
      return { ...state, reminded: true };
    case 'membership-card.deadline-breached': {
      const raised = event.data.priorityRaisedTo;
      return {
        ...state,
        reminded: true,
        escalated: true,
        ...(raised && { priority: raised }),
      };
    }
    default: {
      const unknown: never = event;
      throw new Error(
        `Unknown membership-card event type: ${(unknown as { type: string }).type}`,
      );
    }
  }
}
