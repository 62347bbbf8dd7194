import type { Label } from '../shared';

/** The states of one shop visit, from booking or walk-in to archive. */
export const REPAIR_ORDER_STATES = {
  NEW: { zh: '未登记', en: 'Not yet registered' },
  BOOKED: { zh: '已预约', en: 'Appointment booked' },
  AWAITING_CONFIRMATION: {
    zh: '待客户确认预约',
    en: 'Awaiting the customer’s confirmation',
  },
  CONFIRMED: { zh: '预约已确认', en: 'Appointment confirmed' },
  AWAITING_REBOOKING: { zh: '待重新预约', en: 'Awaiting a new time' },
  RECEPTION: { zh: '接车员接待中', en: 'At reception' },
  QUICK_RECEPTION: { zh: '快修班组接待中', en: 'At the quick-repair team' },
  AUTHORISED: { zh: '已签维修委托书', en: 'Repair authorised' },
  IN_REPAIR: { zh: '维修中', en: 'In repair' },
  CHANGE_PENDING: {
    zh: '维修变更待客户同意',
    en: 'Change awaiting the customer',
  },
  AWAITING_INSPECTION: { zh: '待质检', en: 'Awaiting inspection' },
  AWAITING_SETTLEMENT: { zh: '待结算', en: 'Awaiting settlement' },
  FEE_DISPUTE: { zh: '费用争议处理中', en: 'Fee dispute' },
  SETTLED: { zh: '已结算·待交车', en: 'Settled, awaiting delivery' },
  DELIVERED: { zh: '已交车·保修期内', en: 'Delivered, under warranty' },
  ARCHIVED: { zh: '维修档案已归档', en: 'Archived' },
} as const satisfies Record<string, Label>;

export type RepairOrderStatus = keyof typeof REPAIR_ORDER_STATES;
