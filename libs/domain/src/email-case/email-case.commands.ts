import type { DomainCommand } from '../shared';
import type { MailCategory } from './email-case.categories';

type C<T extends string, P extends object> = DomainCommand<T, P>;

/** A mail older than the one being triaged that is still untriaged. */
export interface OlderUntriagedMail {
  ticketId: string;
  ticketNumber?: string;
  receivedAt: string;
}

/**
 * Trigger: a new mail taken from the mailbox (the inbound adapter, as the
 * system) or recorded by the specialist by hand. The number is filled in.
 */
export type ReceiveMail = C<
  'ReceiveMail',
  {
    ticketNumber: string;
    messageId: string;
    from: { address: string; name?: string };
    subject: string;
    body: string;
    /** The sender's Date header, when the mail had one. */
    sentAt?: string;
    /** When the mailbox received it: mail is taken in this order. */
    receivedAt: string;
  }
>;
/**
 * 根据邮件内容归类: the OR gateway. `olderUntriaged` is filled in before
 * the decision from the other cases; whatever a caller sends is replaced.
 */
export type TriageMail = C<
  'TriageMail',
  {
    category: MailCategory;
    note?: string;
    olderUntriaged?: readonly OlderUntriagedMail[];
  }
>;
/** Ordinary question: answered from the FAQ or the homepage notices. */
export type ReplyFromFaq = C<
  'ReplyFromFaq',
  { faqReference: string; reply: string }
>;
/** Cannot be answered directly: an incident (事件) is submitted. */
export type SubmitIncident = C<
  'SubmitIncident',
  { incidentReference: string; userNotice?: string }
>;
/** 将需核实跟进邮件放入相关标签. */
export type LabelForFollowUp = C<'LabelForFollowUp', { label: string }>;
/** 回复处理邮件: the handling reply that ends the case. */
export type SendHandlingReply = C<'SendHandlingReply', { reply: string }>;
/**
 * Another department's question: the user is told, and the mail goes to
 * the person responsible there (转发邮件给相关负责人), whom it names.
 */
export type ForwardToDepartment = C<
  'ForwardToDepartment',
  { department: string; owner: string; userNotice?: string }
>;
/** 指导邮件处理专员回复用户. */
export type GuideReply = C<'GuideReply', { guidance: string }>;
/** 上报至相关部门及领导. */
export type EscalateToDepartmentAndLeadership = C<
  'EscalateToDepartmentAndLeadership',
  { department: string; leadership: string; summary: string }
>;
/** 相关部门处理回复. */
export type RecordDepartmentReply = C<
  'RecordDepartmentReply',
  { reply: string }
>;

export type EmailCaseCommand =
  | ReceiveMail
  | TriageMail
  | ReplyFromFaq
  | SubmitIncident
  | LabelForFollowUp
  | SendHandlingReply
  | ForwardToDepartment
  | GuideReply
  | EscalateToDepartmentAndLeadership
  | RecordDepartmentReply;

export type EmailCaseCommandType = EmailCaseCommand['type'];

// A record, so that a command added to the union and forgotten here
// fails to compile.
const COMMAND_TYPES: Record<EmailCaseCommandType, true> = {
  ReceiveMail: true,
  TriageMail: true,
  ReplyFromFaq: true,
  SubmitIncident: true,
  LabelForFollowUp: true,
  SendHandlingReply: true,
  ForwardToDepartment: true,
  GuideReply: true,
  EscalateToDepartmentAndLeadership: true,
  RecordDepartmentReply: true,
};

export const EMAIL_CASE_COMMAND_TYPES = Object.keys(
  COMMAND_TYPES,
) as EmailCaseCommandType[];
