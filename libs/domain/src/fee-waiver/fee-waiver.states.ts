import type { Label } from '../shared';

/**
 * The states of a fee-waiver request (P17 客服费用减免操作流程: only its rule
 * table survives; the procedure is lost).
 */
export const FEE_WAIVER_STATES = {
  NEW: { zh: '未申请', en: 'Not yet requested' },
  AWAITING_APPROVAL: {
    zh: '酌情减免·待主管审批',
    en: 'Discretionary, awaiting supervisor',
  },
  WAIVER_GRANTED: { zh: '减免已批准·待执行', en: 'Waiver granted, to apply' },
  CLOSED_WAIVED: { zh: '已减免', en: 'Waived' },
  CLOSED_NOT_WAIVED: {
    zh: '不符合减免·正常收费',
    en: 'Not waived, normal charging',
  },
  CLOSED_REJECTED: { zh: '主管未批准', en: 'Rejected by supervisor' },
} as const satisfies Record<string, Label>;

export type FeeWaiverStatus = keyof typeof FEE_WAIVER_STATES;

export const FEE_WAIVER_TERMINAL: readonly FeeWaiverStatus[] = [
  'CLOSED_WAIVED',
  'CLOSED_NOT_WAIVED',
  'CLOSED_REJECTED',
];
