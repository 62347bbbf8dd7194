import type { Priority } from '../deadlines/deadline-policy.types';
import type { TableState } from '../shared';
import type { InquiryChannel } from './membership-card.events';
import type { MembershipCardStatus } from './membership-card.states';

/** A card-progress inquiry as folded from its events. */
export interface MembershipCardState extends TableState<MembershipCardStatus> {
  ticketNumber?: string;
  channel?: InquiryChannel;
  memberId?: string;
  rejection?: { reasonKnown: boolean; reason?: string };
  shipment?: { courier: string; trackingNo: string; mailedAt: string };
  waitingSince?: string;
  /** Set by the 3-working-day warning, cleared when the agent checks. */
  reminded?: boolean;
  /** Set by the 5-working-day breach. */
  escalated?: boolean;
  priority?: Priority;
}

export const initialMembershipCardState: MembershipCardState = {
  status: 'NEW',
};
