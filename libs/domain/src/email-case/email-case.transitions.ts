import type { TableRule } from '../shared';
import type { EmailCaseCommandType } from './email-case.commands';
import type { EmailCaseEventType } from './email-case.events';
import type { EmailCaseStatus } from './email-case.states';

export type EmailCaseRule = TableRule<
  EmailCaseCommandType,
  EmailCaseEventType,
  EmailCaseStatus
>;

const HANDLING_REPLY = {
  events: ['email-case.handling-reply-sent'],
  to: 'CLOSED',
} as const;

/**
 * Which role may issue which command in which state, and what it appends.
 * The decider, the permission check and the audit tool read this table.
 */
export const EMAIL_CASE_TRANSITIONS: readonly EmailCaseRule[] = [
  {
    // The inbound adapter takes the mail as the system; a specialist may
    // record one by hand from a mailbox that is not connected.
    command: 'ReceiveMail',
    from: 'NEW',
    roles: ['system', 'cs-email-specialist'],
    outcomes: [{ events: ['email-case.mail-received'], to: 'MAIL_RECEIVED' }],
  },
  {
    // The OR gateway over the four kinds of mail; a sensitive one goes to
    // the supervisor on duty at once (立即), in the same step.
    command: 'TriageMail',
    from: 'MAIL_RECEIVED',
    roles: ['cs-email-specialist'],
    outcomes: [
      { events: ['email-case.mail-triaged'], to: 'ORDINARY_QUESTION' },
      { events: ['email-case.mail-triaged'], to: 'NOT_DIRECTLY_ANSWERABLE' },
      { events: ['email-case.mail-triaged'], to: 'FOR_OTHER_DEPARTMENT' },
      {
        events: [
          'email-case.mail-triaged',
          'email-case.reported-to-on-duty-supervisor',
        ],
        to: 'WITH_SUPERVISOR',
      },
    ],
  },
  {
    command: 'ReplyFromFaq',
    from: 'ORDINARY_QUESTION',
    roles: ['cs-email-specialist'],
    outcomes: [{ events: ['email-case.replied-from-faq'], to: 'CLOSED' }],
  },
  {
    command: 'SubmitIncident',
    from: 'NOT_DIRECTLY_ANSWERABLE',
    roles: ['cs-email-specialist'],
    outcomes: [
      {
        events: [
          'email-case.incident-submitted',
          'email-case.user-told-in-progress',
        ],
        to: 'IN_PROGRESS',
      },
    ],
  },
  {
    // Only when the case needs verification or follow-up (是否需要核实跟进?).
    command: 'LabelForFollowUp',
    from: 'IN_PROGRESS',
    roles: ['cs-email-specialist'],
    outcomes: [
      { events: ['email-case.follow-up-labelled'], to: 'FOLLOW_UP_LABELLED' },
    ],
  },
  {
    command: 'SendHandlingReply',
    from: 'IN_PROGRESS',
    roles: ['cs-email-specialist'],
    outcomes: [HANDLING_REPLY],
  },
  {
    command: 'SendHandlingReply',
    from: 'FOLLOW_UP_LABELLED',
    roles: ['cs-email-specialist'],
    outcomes: [HANDLING_REPLY],
  },
  {
    command: 'SendHandlingReply',
    from: 'REPLY_GUIDED',
    roles: ['cs-email-specialist'],
    outcomes: [HANDLING_REPLY],
  },
  {
    command: 'ForwardToDepartment',
    from: 'FOR_OTHER_DEPARTMENT',
    roles: ['cs-email-specialist'],
    outcomes: [
      {
        events: [
          'email-case.user-told-forwarded',
          'email-case.mail-forwarded-to-department',
        ],
        to: 'WITH_DEPARTMENT',
      },
    ],
  },
  {
    command: 'GuideReply',
    from: 'WITH_SUPERVISOR',
    roles: ['cs-supervisor'],
    outcomes: [
      { events: ['email-case.supervisor-guided-reply'], to: 'REPLY_GUIDED' },
    ],
  },
  {
    command: 'EscalateToDepartmentAndLeadership',
    from: 'WITH_SUPERVISOR',
    roles: ['cs-supervisor'],
    outcomes: [
      {
        events: ['email-case.escalated-to-department-and-leadership'],
        to: 'WITH_DEPARTMENT',
      },
    ],
  },
  {
    command: 'RecordDepartmentReply',
    from: 'WITH_DEPARTMENT',
    roles: ['related-department'],
    outcomes: [{ events: ['email-case.department-replied'], to: 'CLOSED' }],
  },
];
