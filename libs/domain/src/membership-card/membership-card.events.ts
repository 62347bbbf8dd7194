import type {
  DeadlineBreached,
  DeadlineWarned,
} from '../deadlines/deadline-events';
import type { DomainEvent } from '../shared';

export type InquiryChannel = 'phone' | 'online';

type E<T extends string, D extends object> = DomainEvent<
  `membership-card.${T}`,
  D
>;

export type CardInquiryReceived = E<
  'inquiry-received',
  {
    ticketNumber: string;
    subsidiaryId?: string;
    channel: InquiryChannel;
    memberId: string;
    caller?: { phone: string };
  }
>;
export type UserGuidedToSelfCheck = E<
  'user-guided-to-self-check',
  { note?: string }
>;
/** 4.3.1: "(暂时查不到)": the platform may have no reason to give. */
export type RejectionReasonLookedUp = E<
  'rejection-reason-looked-up',
  { reasonKnown: boolean; reason?: string }
>;
export type UserInformedOfRejection = E<
  'user-informed-of-rejection',
  { note?: string }
>;
export type TrackingNumberLookedUp = E<
  'tracking-number-looked-up',
  { courier: string; trackingNo: string; cardNo?: string; mailedAt: string }
>;
export type UserToldTrackingNumber = E<
  'user-told-tracking-number',
  { note?: string }
>;
/** 4.3.2: wait 3–5 working days, watch for the SMS or the app. */
export type UserToldToWait = E<
  'user-told-to-wait',
  { waitingSince: string; note?: string }
>;
export type CardStillNotMailed = E<
  'card-still-not-mailed',
  { checkedAt: string; note?: string }
>;

export type MembershipCardEvent =
  | CardInquiryReceived
  | UserGuidedToSelfCheck
  | RejectionReasonLookedUp
  | UserInformedOfRejection
  | TrackingNumberLookedUp
  | UserToldTrackingNumber
  | UserToldToWait
  | CardStillNotMailed
  | DeadlineWarned<'membership-card'>
  | DeadlineBreached<'membership-card'>;

export type MembershipCardEventType = MembershipCardEvent['type'];
