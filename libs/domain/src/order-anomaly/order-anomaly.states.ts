import type { Label } from '../shared';

/** The states of P25 订单异常处理流程 (its procedure, 4.1–4.3.2). */
export const ORDER_ANOMALY_STATES = {
  NEW: { zh: '未受理', en: 'Not yet reported' },
  REPORTED: { zh: '已受理', en: 'Reported' },
  USAGE_DETERMINED: { zh: '已核实用车时间', en: 'Usage determined' },
  CLOSED_PAID_IN_APP: {
    zh: '订单已恢复·APP支付结束',
    en: 'Order restored, paid in the app',
  },
  MANUAL_SETTLEMENT: {
    zh: '恢复失败·待人工结算',
    en: 'Restore failed, manual settlement',
  },
  AWAITING_TOPUP: { zh: '待用户充值E币', en: 'Awaiting E-coin top-up' },
  AWAITING_TECH_FINDING: {
    zh: '已结算·待技术管理岗反馈',
    en: 'Settled, awaiting technical finding',
  },
  CLOSED_SETTLED_BY_ECOIN: {
    zh: 'E币扣款结算结束',
    en: 'Settled by E-coin deduction',
  },
} as const satisfies Record<string, Label>;

export type OrderAnomalyStatus = keyof typeof ORDER_ANOMALY_STATES;
