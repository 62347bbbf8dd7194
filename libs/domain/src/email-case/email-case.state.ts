import type { TableState } from '../shared';
import type { MailCategory } from './email-case.categories';
import type { EmailCaseStatus } from './email-case.states';

/** How a case ended: who sent the last answer to the user. */
export type EmailCaseOutcome =
  'replied-from-faq' | 'handling-reply' | 'department-replied';

/** A mail case as folded from its events. */
export interface EmailCaseState extends TableState<EmailCaseStatus> {
  ticketNumber?: string;
  messageId?: string;
  subject?: string;
  sentAt?: string;
  /** When the mailbox received the mail: triage follows this order. */
  receivedAt?: string;
  category?: MailCategory;
  incidentReference?: string;
  followUpLabel?: string;
  department?: string;
  /** The department's responsible person the mail was forwarded to. */
  departmentOwner?: string;
  escalated?: boolean;
  supervisorGuided?: boolean;
  outcome?: EmailCaseOutcome;
}

export const initialEmailCaseState: EmailCaseState = { status: 'NEW' };
