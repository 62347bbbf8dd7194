import type { Label } from '../shared';

/** The states of 市场会员卡进度审核流程 (4.2–4.3.2). */
export const MEMBERSHIP_CARD_STATES = {
  NEW: { zh: '未受理', en: 'Not yet received' },
  INQUIRY: { zh: '已受理咨询', en: 'Inquiry received' },
  STATUS_CHECK: {
    zh: '已引导APP自查·待查询进度',
    en: 'Guided to the app, progress to look up',
  },
  CLOSED_REJECTED: {
    zh: '审核未通过·已告知用户',
    en: 'Application rejected, user told',
  },
  CLOSED_SHIPPED: {
    zh: '已寄出·已告知快递单号',
    en: 'Card mailed, tracking number told',
  },
  AWAITING_CARD: {
    zh: '已通过未制卡·用户等待3-5个工作日',
    en: 'Approved, card not made; user waits 3–5 working days',
  },
} as const satisfies Record<string, Label>;

export type MembershipCardStatus = keyof typeof MEMBERSHIP_CARD_STATES;

/** The step whose time the #6 deadline engine counts (3 and 5 working days). */
export const MEMBERSHIP_CARD_STEPS: readonly MembershipCardStatus[] = [
  'AWAITING_CARD',
];
