import type { RecordDeadline } from '../deadlines/deadline-events';
import type { DomainCommand } from '../shared';

type C<T extends string, P extends object> = DomainCommand<T, P>;

/**
 * What the runtime found in the marketing post's courier record; it
 * overwrites whatever the caller sent, so the decider can trust it.
 */
export interface CourierLookup {
  found: boolean;
  courier?: string;
  trackingNo?: string;
  cardNo?: string;
  mailedAt?: string;
}

/** 4.2: the inquiry, by phone or online (the agent's role says which). */
export type ReceiveCardInquiry = C<
  'ReceiveCardInquiry',
  { ticketNumber: string; memberId: string; caller?: { phone: string } }
>;
/** 4.3: the user is first guided to check the progress in the app. */
export type GuideSelfCheck = C<'GuideSelfCheck', { note?: string }>;
/** 4.3.1: not approved; the reason from the management platform, if any. */
export type RecordApplicationRejected = C<
  'RecordApplicationRejected',
  { reason?: string; note?: string }
>;
/** 4.3.2: approved; made and posted, or not yet. */
export type LookUpCardProgress = C<
  'LookUpCardProgress',
  { courier?: CourierLookup; note?: string }
>;
/** While the user waits: the agent looks at the courier record again. */
export type CheckCourierRecord = C<
  'CheckCourierRecord',
  { courier?: CourierLookup; note?: string }
>;

export type MembershipCardCommand =
  | ReceiveCardInquiry
  | GuideSelfCheck
  | RecordApplicationRejected
  | LookUpCardProgress
  | CheckCourierRecord
  | RecordDeadline;

export type MembershipCardCommandType = MembershipCardCommand['type'];

const COMMAND_TYPES: Record<MembershipCardCommandType, true> = {
  ReceiveCardInquiry: true,
  GuideSelfCheck: true,
  RecordApplicationRejected: true,
  LookUpCardProgress: true,
  CheckCourierRecord: true,
  RecordDeadline: true,
};

export const MEMBERSHIP_CARD_COMMAND_TYPES = Object.keys(
  COMMAND_TYPES,
) as MembershipCardCommandType[];
