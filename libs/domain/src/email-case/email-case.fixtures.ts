// Shared by the email-case specs. Givens are written out here, not
// produced by the decider, so a decider bug cannot hide in them.
import type { Actor, DecisionContext, RoleId } from '../shared';
import type {
  EmailCaseCommand,
  EmailCaseCommandType,
} from './email-case.commands';
import type { EmailCaseEvent } from './email-case.events';
import type { EmailCaseStatus } from './email-case.states';

export const TICKET_ID = '01956f3a-7c2e-7a10-9b1e-0a0000000905';
export const NOW = '2026-03-02T06:00:00.000Z';
export const RECEIVED_AT = '2026-03-02T05:40:00.000Z';

export function actor(role: RoleId, overrides: Partial<Actor> = {}): Actor {
  return {
    id: `${role}-1`,
    role,
    kind: role === 'system' ? 'automatic' : 'person',
    subsidiary: 'sh',
    ...overrides,
  };
}

export function ctx(
  role: RoleId,
  overrides: Partial<Actor> = {},
  now = NOW,
): DecisionContext {
  return { now, actor: actor(role, overrides) };
}

type CommandOf<T extends EmailCaseCommandType> = Extract<
  EmailCaseCommand,
  { type: T }
>;

export function command<T extends EmailCaseCommandType>(
  type: T,
  payload: CommandOf<T>['payload'],
): CommandOf<T> {
  return { type, ticketId: TICKET_ID, payload } as CommandOf<T>;
}

export const payloads = {
  receive: {
    ticketNumber: 'EM-20260302-0001',
    messageId: '<20260302134000.5521@mail.example.com>',
    from: { address: 'liu.nvshi@example.com', name: '刘女士' },
    subject: '会员卡押金退还咨询',
    body: '您好，我想咨询押金退还需要多久？',
    sentAt: '2026-03-02T05:39:30.000Z',
    receivedAt: RECEIVED_AT,
  },
  ordinary: { category: 'ordinary' as const },
  notAnswerable: { category: 'not-directly-answerable' as const },
  otherDepartment: { category: 'other-department' as const },
  sensitive: { category: 'sensitive' as const, note: '用户称将向媒体投诉' },
  faq: { faqReference: 'FAQ-押金-03', reply: '押金将在7个工作日内原路退回。' },
  incident: { incidentReference: 'INC-20260302-17', userNotice: '已受理' },
  label: { label: '待核实-计费' },
  reply: { reply: '经核实，已为您退回多扣费用。' },
  forward: { department: '运营管理部', owner: '王经理' },
  guide: { guidance: '先致歉，说明已安排专人跟进，不承诺赔偿。' },
  escalate: {
    department: '市场与品牌管理部',
    leadership: '客服中心经理',
    summary: '用户称将向媒体投诉车辆事故处理',
  },
  departmentReply: { reply: '运营管理部已电话联系用户并解决。' },
};

export const events = {
  received: {
    type: 'email-case.mail-received',
    schemaVersion: 1,
    data: { ...payloads.receive, subsidiaryId: 'sh' },
  },
  triagedOrdinary: {
    type: 'email-case.mail-triaged',
    schemaVersion: 1,
    data: { category: 'ordinary' },
  },
  triagedNotAnswerable: {
    type: 'email-case.mail-triaged',
    schemaVersion: 1,
    data: { category: 'not-directly-answerable' },
  },
  triagedOtherDepartment: {
    type: 'email-case.mail-triaged',
    schemaVersion: 1,
    data: { category: 'other-department' },
  },
  triagedSensitive: {
    type: 'email-case.mail-triaged',
    schemaVersion: 1,
    data: payloads.sensitive,
  },
  reportedToSupervisor: {
    type: 'email-case.reported-to-on-duty-supervisor',
    schemaVersion: 1,
    data: { note: payloads.sensitive.note },
  },
  repliedFromFaq: {
    type: 'email-case.replied-from-faq',
    schemaVersion: 1,
    data: payloads.faq,
  },
  incidentSubmitted: {
    type: 'email-case.incident-submitted',
    schemaVersion: 1,
    data: { incidentReference: payloads.incident.incidentReference },
  },
  toldInProgress: {
    type: 'email-case.user-told-in-progress',
    schemaVersion: 1,
    data: { notice: payloads.incident.userNotice },
  },
  labelled: {
    type: 'email-case.follow-up-labelled',
    schemaVersion: 1,
    data: payloads.label,
  },
  handlingReply: {
    type: 'email-case.handling-reply-sent',
    schemaVersion: 1,
    data: payloads.reply,
  },
  toldForwarded: {
    type: 'email-case.user-told-forwarded',
    schemaVersion: 1,
    data: { department: payloads.forward.department },
  },
  forwarded: {
    type: 'email-case.mail-forwarded-to-department',
    schemaVersion: 1,
    data: payloads.forward,
  },
  guided: {
    type: 'email-case.supervisor-guided-reply',
    schemaVersion: 1,
    data: payloads.guide,
  },
  escalated: {
    type: 'email-case.escalated-to-department-and-leadership',
    schemaVersion: 1,
    data: payloads.escalate,
  },
  departmentReplied: {
    type: 'email-case.department-replied',
    schemaVersion: 1,
    data: payloads.departmentReply,
  },
} satisfies Record<string, EmailCaseEvent>;

const e = events;

/** Events that bring a case to each state, written out by hand. */
export const historyOf: Record<
  Exclude<EmailCaseStatus, 'NEW'>,
  EmailCaseEvent[]
> = {
  MAIL_RECEIVED: [e.received],
  ORDINARY_QUESTION: [e.received, e.triagedOrdinary],
  NOT_DIRECTLY_ANSWERABLE: [e.received, e.triagedNotAnswerable],
  IN_PROGRESS: [
    e.received,
    e.triagedNotAnswerable,
    e.incidentSubmitted,
    e.toldInProgress,
  ],
  FOLLOW_UP_LABELLED: [
    e.received,
    e.triagedNotAnswerable,
    e.incidentSubmitted,
    e.toldInProgress,
    e.labelled,
  ],
  FOR_OTHER_DEPARTMENT: [e.received, e.triagedOtherDepartment],
  WITH_SUPERVISOR: [e.received, e.triagedSensitive, e.reportedToSupervisor],
  REPLY_GUIDED: [
    e.received,
    e.triagedSensitive,
    e.reportedToSupervisor,
    e.guided,
  ],
  WITH_DEPARTMENT: [
    e.received,
    e.triagedOtherDepartment,
    e.toldForwarded,
    e.forwarded,
  ],
  CLOSED: [e.received, e.triagedOrdinary, e.repliedFromFaq],
};
