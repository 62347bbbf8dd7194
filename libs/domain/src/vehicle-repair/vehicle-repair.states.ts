import type { Label } from '../shared';

/**
 * The states of a vehicle fault, from the driver's report to the survey
 * (车辆报修流程范文 G1's steps, 报障服务工作流程 G3's escalation chain,
 * 车辆异常情况处理与报告流程 G4's report).
 */
export const VEHICLE_REPAIR_STATES = {
  NEW: { zh: '未受理', en: 'Not yet reported' },
  AWAITING_RESCUE: { zh: '待派救援', en: 'Awaiting rescue dispatch' },
  RESCUE_DISPATCHED: { zh: '救援车辆已出发', en: 'Rescue dispatched' },
  AWAITING_RECEPTION: { zh: '待接车', en: 'Awaiting reception' },
  RECEIVED: { zh: '已接车·待检测诊断', en: 'Received, awaiting diagnosis' },
  AFTER_SALES_SUPPORT: {
    zh: '售后维护部技术支持中',
    en: 'With after-sales for technical support',
  },
  ASSISTANT_GM_SUPPORT: {
    zh: '总经理助理技术支持中',
    en: 'With the assistant GM for technical support',
  },
  QUOTE_AWAITING_MEMBER: {
    zh: '报价待会员确认',
    en: 'Quote awaiting the member',
  },
  QUOTE_AWAITING_FLEET: {
    zh: '报价待车队管理员审批',
    en: 'Quote awaiting the fleet administrator',
  },
  AWAITING_RETURN_UNREPAIRED: {
    zh: '报价被拒·待交还车辆',
    en: 'Quote refused, vehicle to be returned',
  },
  REPAIRING: { zh: '维修中', en: 'Repairing' },
  AWAITING_QUALITY_CHECK: { zh: '待质检', en: 'Awaiting quality check' },
  READY_FOR_DELIVERY: { zh: '质检通过·待通知取车', en: 'Ready for delivery' },
  AWAITING_COLLECTION: { zh: '已通知·待取车', en: 'Awaiting collection' },
  UNDER_WARRANTY: {
    zh: '已交车·保修跟进',
    en: 'Delivered, warranty follow-up',
  },
  AWAITING_SURVEY: { zh: '待满意度调查', en: 'Awaiting satisfaction survey' },
  AWAITING_ANALYSIS_REPORT: {
    zh: '待提交重大故障分析报告',
    en: 'Awaiting the major-fault analysis report',
  },
  CLOSED_REPAIRED: { zh: '已修复结案', en: 'Closed, repaired' },
  CLOSED_UNREPAIRED: {
    zh: '未维修交还结案',
    en: 'Closed, returned unrepaired',
  },
} as const satisfies Record<string, Label>;

export type VehicleRepairStatus = keyof typeof VEHICLE_REPAIR_STATES;
