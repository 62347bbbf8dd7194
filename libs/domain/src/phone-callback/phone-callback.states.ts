import type { Label } from '../shared';

/** The states of P08 电话回访流程 (its procedure, 4.1–4.6). */
export const PHONE_CALLBACK_STATES = {
  NEW: { zh: '未创建', en: 'Not yet opened' },
  OPEN: { zh: '待回访', en: 'Call-back to make' },
  PREPARED: { zh: '已准备回访', en: 'Prepared' },
  ATTEMPTING: { zh: '回访未接通', en: 'Not reached yet' },
  CONNECTED: { zh: '已接通', en: 'Connected' },
  ESCALATED: {
    zh: '用户不满意·待二次回访',
    en: 'Dissatisfied, second call due',
  },
  STILL_DISSATISFIED: { zh: '二次回访仍不满意', en: 'Still dissatisfied' },
  UNREACHED_REPORTED: {
    zh: '未回访用户已报值班长',
    en: 'Unreached, with shift leader',
  },
  CLOSED_SATISFIED: { zh: '回访完成', en: 'Closed, user satisfied' },
  CLOSED_DISSATISFIED: {
    zh: '回访结束·用户仍不满意',
    en: 'Closed, user still dissatisfied',
  },
  HANDED_TO_COMPLAINT: { zh: '已转投诉处理流程', en: 'Handed to complaints' },
  CLOSED_UNREACHED: { zh: '未回访已处理', en: 'Closed, user unreached' },
  NOT_NEEDED: { zh: '无需回访', en: 'Not needed' },
} as const satisfies Record<string, Label>;

export type PhoneCallbackStatus = keyof typeof PHONE_CALLBACK_STATES;

/** Where the process has ended; nothing may follow but nothing. */
export const PHONE_CALLBACK_TERMINAL: readonly PhoneCallbackStatus[] = [
  'CLOSED_SATISFIED',
  'CLOSED_DISSATISFIED',
  'HANDED_TO_COMPLAINT',
  'CLOSED_UNREACHED',
  'NOT_NEEDED',
];

/** The statuses in which someone must act: the steps deadlines apply to. */
export const PHONE_CALLBACK_STEPS: readonly PhoneCallbackStatus[] = (
  Object.keys(PHONE_CALLBACK_STATES) as PhoneCallbackStatus[]
).filter((s) => s !== 'NEW' && !PHONE_CALLBACK_TERMINAL.includes(s));
