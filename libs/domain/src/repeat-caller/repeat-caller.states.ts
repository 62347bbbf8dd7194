import type { Label } from '../shared';

/**
 * The states of 重复来电类敏感问题上报流程, read from its flowchart boxes
 * (the only part of it that survives).
 */
export const REPEAT_CALLER_STATES = {
  NEW: { zh: '未记录', en: 'Not yet recorded' },
  CALL_RECORDED: { zh: '来电已记录·待办结', en: 'Call recorded, to close' },
  CALL_CLOSED: { zh: '来电已办结', en: 'Call closed' },
  ESCALATED: {
    zh: '重复来电·已上报客服经理',
    en: 'Repeat caller, escalated to the CS manager',
  },
  RECORDINGS_REVIEWED: { zh: '已调取相关录音', en: 'Recordings reviewed' },
  INCIDENT_REPORTED: {
    zh: '已上报子公司运营负责人',
    en: 'Reported to the operations head',
  },
  AWAITING_PLANS: {
    zh: '待运营与公关拟写处理方案',
    en: 'Awaiting the operations and PR plans',
  },
  AWAITING_OPS_PLAN: {
    zh: '待运营负责人拟写处理方案',
    en: 'Awaiting the operations plan',
  },
  AWAITING_PR_PLAN: { zh: '待公关拟写处理方案', en: 'Awaiting the PR plan' },
  PLAN_REVIEW: { zh: '处理方案待总经理审核', en: 'Plan under GM review' },
  PLAN_APPROVED: {
    zh: '方案已批准·待回电用户',
    en: 'Plan approved, caller to be called back',
  },
  FOLLOWING_UP: { zh: '已回电·跟进解决中', en: 'Called back, following up' },
  RESOLVED: { zh: '已解决·待通知处理结果', en: 'Resolved, result to notify' },
  CLOSED: { zh: '已结案', en: 'Closed' },
} as const satisfies Record<string, Label>;

export type RepeatCallerStatus = keyof typeof REPEAT_CALLER_STATES;
