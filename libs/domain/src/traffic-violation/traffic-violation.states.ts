import type { Label } from '../shared';

/**
 * The states of a violation case of P23 用户违章处理流程, as read: the text
 * stops after 4.6, and the day-8 and day-12 steps come from duties 3.4–3.5.
 */
export const TRAFFIC_VIOLATION_STATES = {
  NEW: { zh: '未录入', en: 'Not entered' },
  NOTIFYING: { zh: '短信通知中（前三天）', en: 'Notifying (first three days)' },
  REMINDER_DUE: { zh: '待违章提醒专员致电', en: 'Reminder call due' },
  UNPUSHED_AT_ONLINE: {
    zh: '未推送名单·待在线客服推送',
    en: 'Unpushed, with online CS',
  },
  AWAITING_USER: { zh: '待用户处理', en: 'Awaiting the user' },
  WARNING_DUE: { zh: '第八天·待致电警告', en: 'Day 8, warning call due' },
  WARNED: { zh: '已警告·待用户处理', en: 'Warned, awaiting the user' },
  RISK_CALL_DUE: {
    zh: '第十二天·待风控致电',
    en: 'Day 12, risk-control call due',
  },
  FINAL_NOTICE: {
    zh: '已告知三天后扣押金',
    en: 'Told of the deposit deduction',
  },
  DEDUCTION_DUE: { zh: '到期·待风控判断处理', en: 'Deadline reached' },
  IN_PERSON_COLLECTION: { zh: '上门追讨中', en: 'Collecting in person' },
  AT_FINANCE: { zh: '财务冻结押金扣款中', en: 'At finance' },
  DEDUCTED: {
    zh: '已扣违约金·待转应收账款',
    en: 'Deducted, to receivables',
  },
  HANDLED_BY_USER: { zh: '用户已处理', en: 'Handled by the user' },
  CLOSED_BY_COLLECTION: { zh: '上门追讨完成', en: 'Collected in person' },
  CLOSED_BY_DEDUCTION: {
    zh: '押金扣款·已转应收账款流程',
    en: 'Deducted, handed to receivables',
  },
} as const satisfies Record<string, Label>;

export type TrafficViolationStatus = keyof typeof TRAFFIC_VIOLATION_STATES;

export const TRAFFIC_VIOLATION_TERMINAL: readonly TrafficViolationStatus[] = [
  'HANDLED_BY_USER',
  'CLOSED_BY_COLLECTION',
  'CLOSED_BY_DEDUCTION',
];

/** Where the case waits for a day to come; the system holds it. */
export const TRAFFIC_VIOLATION_WAITING: readonly TrafficViolationStatus[] = [
  'NOTIFYING',
  'AWAITING_USER',
  'WARNED',
  'FINAL_NOTICE',
];
