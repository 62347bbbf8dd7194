import type { Label } from '../shared';

/** The states of 邮件客服岗位工作流程, read from its flowchart boxes. */
export const EMAIL_CASE_STATES = {
  NEW: { zh: '未收件', en: 'Not yet received' },
  MAIL_RECEIVED: { zh: '新邮件·待归类', en: 'Received, awaiting triage' },
  ORDINARY_QUESTION: {
    zh: '普通问题·待FAQ回复',
    en: 'Ordinary question, to answer from the FAQ',
  },
  NOT_DIRECTLY_ANSWERABLE: {
    zh: '无法直接回复·待递交事件',
    en: 'Not directly answerable, incident to submit',
  },
  IN_PROGRESS: {
    zh: '已递交事件·处理中',
    en: 'Incident submitted, in progress',
  },
  FOLLOW_UP_LABELLED: { zh: '已放入跟进标签', en: 'Labelled for follow-up' },
  FOR_OTHER_DEPARTMENT: {
    zh: '非本部门问题·待转发',
    en: 'Another department’s question, to forward',
  },
  WITH_SUPERVISOR: {
    zh: '敏感问题·当班主管处理中',
    en: 'Sensitive, with the supervisor on duty',
  },
  REPLY_GUIDED: {
    zh: '主管已指导·待回复用户',
    en: 'Reply guided, to send',
  },
  WITH_DEPARTMENT: {
    zh: '相关部门处理中',
    en: 'With the related department',
  },
  CLOSED: { zh: '已结束', en: 'Closed' },
} as const satisfies Record<string, Label>;

export type EmailCaseStatus = keyof typeof EMAIL_CASE_STATES;
