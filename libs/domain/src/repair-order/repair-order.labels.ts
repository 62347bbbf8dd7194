import type { Label } from '../shared';
import type { RepairOrderEventType } from './repair-order.events';

/** Timeline labels: Chinese first, English second. */
export const REPAIR_ORDER_EVENT_LABELS: Record<RepairOrderEventType, Label> = {
  'repair-order.appointment-booked': {
    zh: '登记预约',
    en: 'Appointment booked',
  },
  'repair-order.fleet-request-scheduled': {
    zh: '按故障类别和优先级派技师并告知预计完成时间',
    en: 'Fleet request scheduled',
  },
  'repair-order.confirmation-requested': {
    zh: '提前一小时请客户确认预约',
    en: 'Customer asked to confirm',
  },
  'repair-order.appointment-confirmed': {
    zh: '客户确认预约',
    en: 'Appointment confirmed',
  },
  'repair-order.appointment-declined': {
    zh: '客户不能赴约',
    en: 'Appointment declined',
  },
  'repair-order.confirmation-missed': {
    zh: '预约未获确认',
    en: 'No confirmation by the appointment',
  },
  'repair-order.shop-could-not-keep-appointment': {
    zh: '维修站无法履约·已提前告知客户并致歉',
    en: 'Shop could not keep the time',
  },
  'repair-order.appointment-rebooked': {
    zh: '重新预约',
    en: 'Appointment rebooked',
  },
  'repair-order.walk-in-registered': {
    zh: '未预约来店·初步诊断',
    en: 'Walk-in registered, pre-diagnosed',
  },
  'repair-order.vehicle-received': { zh: '接车', en: 'Vehicle received' },
  'repair-order.comeback-flagged': {
    zh: '返修车辆',
    en: 'Comeback repair flagged',
  },
  'repair-order.vehicle-records-registered': {
    zh: '登记车辆基本、故障和维修历史信息',
    en: 'Vehicle records registered',
  },
  'repair-order.repair-authorisation-signed': {
    zh: '客户签署维修委托书·确认维修项目',
    en: 'Repair authorisation signed',
  },
  'repair-order.work-order-issued': {
    zh: '开具派工单',
    en: 'Work order issued',
  },
  'repair-order.repair-progress-reported': {
    zh: '向客户通报维修进度',
    en: 'Progress reported',
  },
  'repair-order.repair-change-proposed': {
    zh: '提出维修变更',
    en: 'Repair change proposed',
  },
  'repair-order.repair-change-agreed': {
    zh: '客户同意维修变更',
    en: 'Change agreed',
  },
  'repair-order.repair-change-declined': {
    zh: '客户不同意维修变更',
    en: 'Change declined',
  },
  'repair-order.self-check-completed': {
    zh: '技师自检完成',
    en: 'Self-check completed',
  },
  'repair-order.quality-inspection-passed': {
    zh: '质检合格',
    en: 'Quality inspection passed',
  },
  'repair-order.quality-inspection-failed': {
    zh: '质检不合格·返工',
    en: 'Quality inspection failed',
  },
  'repair-order.fee-dispute-raised': {
    zh: '费用争议',
    en: 'Fee dispute raised',
  },
  'repair-order.fee-dispute-resolved': {
    zh: '费用争议已处理',
    en: 'Fee dispute resolved',
  },
  'repair-order.repair-costs-settled': {
    zh: '核对费用清单并结算',
    en: 'Costs checked and settled',
  },
  'repair-order.repair-invoice-issued': {
    zh: '开具发票',
    en: 'Invoice issued',
  },
  'repair-order.repair-slip-signed': {
    zh: '客户签字确认修理单',
    en: 'Repair slip signed',
  },
  'repair-order.vehicle-delivered': {
    zh: '清洁车辆并交车',
    en: 'Vehicle cleaned and delivered',
  },
  'repair-order.satisfaction-surveyed': {
    zh: '满意度调查',
    en: 'Satisfaction survey',
  },
  'repair-order.repair-order-archived': {
    zh: '维修记录归档',
    en: 'Repair archived',
  },
};
