import type { Label } from '../shared';
import type { EmailCaseEventType } from './email-case.events';

/** Timeline labels: Chinese first, English second. */
export const EMAIL_CASE_EVENT_LABELS: Record<EmailCaseEventType, Label> = {
  'email-case.mail-received': { zh: '收到新邮件', en: 'Mail received' },
  'email-case.mail-triaged': { zh: '邮件归类', en: 'Mail triaged' },
  'email-case.replied-from-faq': {
    zh: '根据FAQ或主页公告直接回复用户',
    en: 'Replied from the FAQ',
  },
  'email-case.incident-submitted': { zh: '递交事件', en: 'Incident submitted' },
  'email-case.user-told-in-progress': {
    zh: '告知用户正在处理',
    en: 'User told it is in progress',
  },
  'email-case.follow-up-labelled': {
    zh: '放入跟进标签',
    en: 'Labelled for follow-up',
  },
  'email-case.handling-reply-sent': {
    zh: '回复处理邮件',
    en: 'Handling reply sent',
  },
  'email-case.user-told-forwarded': {
    zh: '告知用户已提交至相关部门核实处理',
    en: 'User told it was forwarded',
  },
  'email-case.mail-forwarded-to-department': {
    zh: '转发邮件给相关负责人',
    en: 'Mail forwarded to the department',
  },
  'email-case.reported-to-on-duty-supervisor': {
    zh: '立即向当班主管反映',
    en: 'Reported to the supervisor on duty',
  },
  'email-case.supervisor-guided-reply': {
    zh: '主管指导回复用户',
    en: 'Supervisor guided the reply',
  },
  'email-case.escalated-to-department-and-leadership': {
    zh: '上报至相关部门及领导',
    en: 'Escalated to the department and leadership',
  },
  'email-case.department-replied': {
    zh: '相关部门处理回复',
    en: 'Department replied',
  },
};
