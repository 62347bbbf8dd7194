import type { Label } from '../shared';
import type { VehicleRepairEventType } from './vehicle-repair.events';

/** Timeline labels: Chinese first, English second. */
export const VEHICLE_REPAIR_EVENT_LABELS: Record<
  VehicleRepairEventType,
  Label
> = {
  'vehicle-repair.reported': { zh: '受理车辆报修', en: 'Fault reported' },
  'vehicle-repair.rescue-dispatched': {
    zh: '安排救援车辆',
    en: 'Rescue dispatched',
  },
  'vehicle-repair.vehicle-towed-in': {
    zh: '车辆拖运到站',
    en: 'Vehicle towed in',
  },
  'vehicle-repair.vehicle-received': { zh: '接待车辆', en: 'Vehicle received' },
  'vehicle-repair.diagnosed': {
    zh: '检测诊断·维修方案与估价',
    en: 'Diagnosed, plan and estimate',
  },
  'vehicle-repair.quote-issued': { zh: '报价', en: 'Quote issued' },
  'vehicle-repair.escalated-to-after-sales': {
    zh: '上报售后维护部',
    en: 'Escalated to after-sales',
  },
  'vehicle-repair.escalated-to-assistant-gm': {
    zh: '上报总经理助理',
    en: 'Escalated to the assistant GM',
  },
  'vehicle-repair.escalation-resolved': {
    zh: '技术支持完成',
    en: 'Technical support given',
  },
  'vehicle-repair.quote-approved': { zh: '报价已确认', en: 'Quote approved' },
  'vehicle-repair.quote-refused': { zh: '报价被拒绝', en: 'Quote refused' },
  'vehicle-repair.returned-unrepaired': {
    zh: '车辆未维修交还',
    en: 'Returned unrepaired',
  },
  'vehicle-repair.repair-completed': {
    zh: '维修与更换完成',
    en: 'Repair completed',
  },
  'vehicle-repair.quality-check-passed': {
    zh: '质量验收通过',
    en: 'Quality check passed',
  },
  'vehicle-repair.quality-check-failed': {
    zh: '质量验收未通过·返修',
    en: 'Quality check failed, back to repair',
  },
  'vehicle-repair.owner-notified': {
    zh: '通知车主取车',
    en: 'Owner told to collect',
  },
  'vehicle-repair.vehicle-delivered': {
    zh: '车辆交付·保修开始',
    en: 'Vehicle delivered, warranty started',
  },
  'vehicle-repair.warranty-claim-filed': {
    zh: '保修期内报修·重新维修',
    en: 'Warranty claim, repair reopened',
  },
  'vehicle-repair.warranty-follow-up-done': {
    zh: '保修回访完成',
    en: 'Warranty follow-up done',
  },
  'vehicle-repair.survey-recorded': {
    zh: '满意度调查',
    en: 'Satisfaction survey recorded',
  },
  'vehicle-repair.analysis-reported': {
    zh: '提交故障分析报告',
    en: 'Fault analysis report submitted',
  },
};
