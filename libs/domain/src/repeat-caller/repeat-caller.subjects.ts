import type { Label } from '../shared';

/**
 * What a call is about, as a fixed list: two calls are "the same subject"
 * when the agent filed them under the same category. A free-text match
 * would depend on wording; the manual (重复来电类敏感问题上报流程) gives no list, so
 * this one is ours and the business may change it.
 */
export const REPEAT_CALL_SUBJECTS = {
  'billing-dispute': { zh: '费用争议', en: 'Billing dispute' },
  refund: { zh: '退款', en: 'Refund' },
  deposit: { zh: '押金', en: 'Deposit' },
  'vehicle-fault': { zh: '车辆故障', en: 'Vehicle fault' },
  'station-charging': { zh: '网点与充电', en: 'Station or charging' },
  'order-anomaly': { zh: '订单异常', en: 'Order anomaly' },
  'accident-safety': { zh: '事故与安全', en: 'Accident or safety' },
  'service-complaint': { zh: '服务投诉', en: 'Service complaint' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Label>;

export type RepeatCallSubject = keyof typeof REPEAT_CALL_SUBJECTS;

export const REPEAT_CALL_SUBJECT_IDS = Object.keys(
  REPEAT_CALL_SUBJECTS,
) as RepeatCallSubject[];
