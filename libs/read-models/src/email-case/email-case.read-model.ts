import {
  emailCaseProcess,
  type EmailCaseEvent,
  type EmailCaseState,
} from '@opsdesk/domain';
import type { ProcessReadModelSpec } from '../process-tickets/process-tickets.spec-type';

const CATEGORY_ZH: Record<string, string> = {
  ordinary: '普通问题',
  'not-directly-answerable': '无法直接回复的问题',
  'other-department': '非本部门问题',
  sensitive: '特殊（敏感）问题',
};

/** A short Chinese line per event; null where the label says it all. */
export function emailCaseSummary(event: EmailCaseEvent): string | null {
  switch (event.type) {
    case 'email-case.mail-received':
      // The sender is personal data: the subject stands for the mail.
      return `主题：${event.data.subject || '（无主题）'}`;
    case 'email-case.mail-triaged':
      return CATEGORY_ZH[event.data.category] ?? event.data.category;
    case 'email-case.replied-from-faq':
      return `依据 ${event.data.faqReference}`;
    case 'email-case.incident-submitted':
      return `事件 ${event.data.incidentReference}`;
    case 'email-case.follow-up-labelled':
      return `标签：${event.data.label}`;
    case 'email-case.user-told-forwarded':
      return `已提交至 ${event.data.department}`;
    case 'email-case.mail-forwarded-to-department':
      return `${event.data.department}（${event.data.owner}）`;
    case 'email-case.reported-to-on-duty-supervisor':
      return event.data.note ?? null;
    case 'email-case.supervisor-guided-reply':
      return event.data.guidance;
    case 'email-case.escalated-to-department-and-leadership':
      return `${event.data.department}、${event.data.leadership}：${event.data.summary}`;
    case 'email-case.user-told-in-progress':
    case 'email-case.handling-reply-sent':
    case 'email-case.department-replied':
      return null;
    default:
      return null;
  }
}

export const emailCaseReadModel: ProcessReadModelSpec = {
  definition: emailCaseProcess,
  tablePrefix: 'email_case',
  summary: (event) => emailCaseSummary(event as EmailCaseEvent),
  headline: (anyState) => {
    const state = anyState as EmailCaseState;
    return state.subject ?? null;
  },
  report: (anyState) => {
    const state = anyState as EmailCaseState;
    return {
      outcome: state.outcome ?? null,
      amountFen: null,
      facts: {
        category: state.category ?? null,
        receivedAt: state.receivedAt ?? null,
        followUpLabelled: state.followUpLabel !== undefined,
        forwardedTo: state.department ?? null,
        forwardedToOwner: state.departmentOwner ?? null,
        supervisorGuided: state.supervisorGuided ?? false,
        escalated: state.escalated ?? false,
      },
    };
  },
};
