import type { TableRule } from '../shared';
import type { MembershipCardCommandType } from './membership-card.commands';
import type { MembershipCardEventType } from './membership-card.events';
import type { MembershipCardStatus } from './membership-card.states';

export type MembershipCardRule = TableRule<
  MembershipCardCommandType,
  MembershipCardEventType,
  MembershipCardStatus
>;

const AGENTS = ['cs-phone-agent', 'cs-online-agent'] as const;

const SHIPPED: MembershipCardRule['outcomes'][number] = {
  events: [
    'membership-card.tracking-number-looked-up',
    'membership-card.user-told-tracking-number',
  ],
  to: 'CLOSED_SHIPPED',
};

/**
 * Which role may issue which command in which state, and what it appends.
 * The decider, the permission check and the audit tool read this table.
 */
export const MEMBERSHIP_CARD_TRANSITIONS: readonly MembershipCardRule[] = [
  {
    command: 'ReceiveCardInquiry',
    from: 'NEW',
    roles: AGENTS,
    outcomes: [{ events: ['membership-card.inquiry-received'], to: 'INQUIRY' }],
  },
  {
    command: 'GuideSelfCheck',
    from: 'INQUIRY',
    roles: AGENTS,
    outcomes: [
      {
        events: ['membership-card.user-guided-to-self-check'],
        to: 'STATUS_CHECK',
      },
    ],
  },
  {
    // Decision: approved? (4.3.1 no)
    command: 'RecordApplicationRejected',
    from: 'STATUS_CHECK',
    roles: AGENTS,
    outcomes: [
      {
        events: [
          'membership-card.rejection-reason-looked-up',
          'membership-card.user-informed-of-rejection',
        ],
        to: 'CLOSED_REJECTED',
      },
    ],
  },
  {
    // Decision: made? The marketing post's courier record says (4.3.2).
    command: 'LookUpCardProgress',
    from: 'STATUS_CHECK',
    roles: AGENTS,
    outcomes: [
      SHIPPED,
      { events: ['membership-card.user-told-to-wait'], to: 'AWAITING_CARD' },
    ],
  },
  {
    // The agent looks again (after a reminder, or at will); the system
    // looks when marketing posts the member's card (the runtime's
    // courier follower).
    command: 'CheckCourierRecord',
    from: 'AWAITING_CARD',
    roles: [...AGENTS, 'system'],
    outcomes: [
      SHIPPED,
      {
        events: ['membership-card.card-still-not-mailed'],
        to: 'AWAITING_CARD',
      },
    ],
  },
  {
    // The #6 timers: reminder at 3 working days, escalation at 5.
    command: 'RecordDeadline',
    from: 'AWAITING_CARD',
    roles: ['system'],
    outcomes: [
      { events: ['membership-card.deadline-warned'], to: 'AWAITING_CARD' },
      { events: ['membership-card.deadline-breached'], to: 'AWAITING_CARD' },
    ],
  },
];
