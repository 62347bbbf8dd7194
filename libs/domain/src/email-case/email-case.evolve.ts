import type { MailCategory } from './email-case.categories';
import type { EmailCaseEvent } from './email-case.events';
import type { EmailCaseState } from './email-case.state';
import type { EmailCaseStatus } from './email-case.states';

/** Where each kind of mail goes once triaged. */
const AFTER_TRIAGE: Record<MailCategory, EmailCaseStatus> = {
  ordinary: 'ORDINARY_QUESTION',
  'not-directly-answerable': 'NOT_DIRECTLY_ANSWERABLE',
  'other-department': 'FOR_OTHER_DEPARTMENT',
  // reported-to-on-duty-supervisor follows in the same append.
  sensitive: 'MAIL_RECEIVED',
};

/** The fold. Events are facts: nothing here refuses one. */
export function evolveEmailCase(
  state: EmailCaseState,
  event: EmailCaseEvent,
): EmailCaseState {
  switch (event.type) {
    case 'email-case.mail-received': {
      const d = event.data;
      return {
        ...state,
        status: 'MAIL_RECEIVED',
        ticketNumber: d.ticketNumber,
        subsidiaryId: d.subsidiaryId,
        messageId: d.messageId,
        subject: d.subject,
        sentAt: d.sentAt,
        receivedAt: d.receivedAt,
      };
    }
    case 'email-case.mail-triaged':
      return {
        ...state,
        status: AFTER_TRIAGE[event.data.category],
        category: event.data.category,
      };
    case 'email-case.replied-from-faq':
      return { ...state, status: 'CLOSED', outcome: 'replied-from-faq' };
    case 'email-case.incident-submitted':
      // Always followed by user-told-in-progress in the same append.
      return { ...state, incidentReference: event.data.incidentReference };
    case 'email-case.user-told-in-progress':
      return { ...state, status: 'IN_PROGRESS' };
    case 'email-case.follow-up-labelled':
      return {
        ...state,
        status: 'FOLLOW_UP_LABELLED',
        followUpLabel: event.data.label,
      };
    case 'email-case.handling-reply-sent':
      return { ...state, status: 'CLOSED', outcome: 'handling-reply' };
    case 'email-case.user-told-forwarded':
      // Always followed by mail-forwarded-to-department in the same append.
      return { ...state, department: event.data.department };
    case 'email-case.mail-forwarded-to-department':
      return {
        ...state,
        status: 'WITH_DEPARTMENT',
        departmentOwner: event.data.owner,
      };
    case 'email-case.reported-to-on-duty-supervisor':
      return { ...state, status: 'WITH_SUPERVISOR' };
    case 'email-case.supervisor-guided-reply':
      return { ...state, status: 'REPLY_GUIDED', supervisorGuided: true };
    case 'email-case.escalated-to-department-and-leadership':
      return {
        ...state,
        status: 'WITH_DEPARTMENT',
        department: event.data.department,
        escalated: true,
      };
    case 'email-case.department-replied':
      return { ...state, status: 'CLOSED', outcome: 'department-replied' };
    default: {
      // Written by a newer release: refusing to fold beats guessing.
      const unknown: never = event;
      throw new Error(
        `Unknown email-case event type: ${(unknown as { type: string }).type}`,
      );
    }
  }
}
