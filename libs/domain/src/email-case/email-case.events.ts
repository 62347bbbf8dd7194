import type { DomainEvent } from '../shared';
import type { MailCategory } from './email-case.categories';

type E<T extends string, D extends object> = DomainEvent<`email-case.${T}`, D>;

/** Trigger: a new mail in the mailbox (登录邮箱,核查新增邮件). */
export type MailReceived = E<
  'mail-received',
  {
    ticketNumber: string;
    subsidiaryId?: string;
    messageId: string;
    from: { address: string; name?: string };
    subject: string;
    body: string;
    sentAt?: string;
    receivedAt: string;
  }
>;
/** 根据邮件内容归类: which of the four kinds of mail it is. */
export type MailTriaged = E<
  'mail-triaged',
  { category: MailCategory; note?: string }
>;
/** Ordinary: 根据相关FAQ或主页公告,直接回复用户. */
export type RepliedFromFaq = E<
  'replied-from-faq',
  { faqReference: string; reply: string }
>;
/** Not directly answerable: 递交事件 … */
export type IncidentSubmitted = E<
  'incident-submitted',
  { incidentReference: string }
>;
/** … 并告知用户正在处理. */
export type UserToldInProgress = E<
  'user-told-in-progress',
  { notice?: string }
>;
/** 将需核实跟进邮件放入相关标签. */
export type FollowUpLabelled = E<'follow-up-labelled', { label: string }>;
/** 回复处理邮件. */
export type HandlingReplySent = E<'handling-reply-sent', { reply: string }>;
/** Other department: 告知用户已提交至相关部门核实处理 … */
export type UserToldForwarded = E<
  'user-told-forwarded',
  { department: string; notice?: string }
>;
/** … 转发邮件给相关负责人核实处理: to the department's responsible person. */
export type MailForwardedToDepartment = E<
  'mail-forwarded-to-department',
  { department: string; owner: string }
>;
/** Sensitive: 立即向当班主管反映, in the same step as the triage. */
export type ReportedToOnDutySupervisor = E<
  'reported-to-on-duty-supervisor',
  { note?: string }
>;
/** 指导邮件处理专员回复用户. */
export type SupervisorGuidedReply = E<
  'supervisor-guided-reply',
  { guidance: string }
>;
/** 上报至相关部门及领导. */
export type EscalatedToDepartmentAndLeadership = E<
  'escalated-to-department-and-leadership',
  { department: string; leadership: string; summary: string }
>;
/** 相关部门处理回复. */
export type DepartmentReplied = E<'department-replied', { reply: string }>;

export type EmailCaseEvent =
  | MailReceived
  | MailTriaged
  | RepliedFromFaq
  | IncidentSubmitted
  | UserToldInProgress
  | FollowUpLabelled
  | HandlingReplySent
  | UserToldForwarded
  | MailForwardedToDepartment
  | ReportedToOnDutySupervisor
  | SupervisorGuidedReply
  | EscalatedToDepartmentAndLeadership
  | DepartmentReplied;

export type EmailCaseEventType = EmailCaseEvent['type'];
