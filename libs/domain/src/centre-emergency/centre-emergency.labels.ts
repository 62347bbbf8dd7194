import type { Label } from '../shared';
import type {
  CentreEmergencyEventType,
  FaultType,
} from './centre-emergency.events';

/** Timeline labels: Chinese first, English second. */
export const CENTRE_EMERGENCY_EVENT_LABELS: Record<
  CentreEmergencyEventType,
  Label
> = {
  'centre-emergency.fault-logged': {
    zh: '故障登记《系统问题记录表》',
    en: 'Fault logged in the system-problem log',
  },
  'centre-emergency.emergency-mechanism-activated': {
    zh: '宣布启动应急机制',
    en: 'Emergency mechanism activated',
  },
  'centre-emergency.repair-eta-confirmed': {
    zh: '与技术管理岗确认预计修复时间',
    en: 'Repair estimate confirmed with technical management',
  },
  'centre-emergency.reported-to-hq-cs-manager': {
    zh: '实时上报总部客服经理',
    en: 'Reported to the HQ CS manager',
  },
  'centre-emergency.all-hands-on-phones': {
    zh: '全员登录电话接听',
    en: 'All hands on the phones',
  },
  'centre-emergency.online-staff-lent': {
    zh: '在线组支援电话组',
    en: 'Online group lent staff to the phones',
  },
  'centre-emergency.two-managers-designated': {
    zh: '指派两名管理人员',
    en: 'Two managers designated',
  },
  'centre-emergency.tianrun-repair-reported': {
    zh: '致电天润400紧急报修',
    en: 'Emergency repair reported to Tianrun 400',
  },
  'centre-emergency.handwritten-request-recorded': {
    zh: '手工记录客户诉求',
    en: 'Customer request written down by hand',
  },
  'centre-emergency.missed-call-recorded': {
    zh: '记录未接来电',
    en: 'Missed call recorded',
  },
  'centre-emergency.reported-to-cs-manager': {
    zh: '非工作日值班长上报客服经理',
    en: 'Shift leader reported to the CS manager (non-working day)',
  },
  'centre-emergency.next-shift-called-in-early': {
    zh: '通知翻班人员提前到岗',
    en: 'Next shift called in early',
  },
  'centre-emergency.support-staff-deployed': {
    zh: '调配人员到岗支援',
    en: 'Support staff deployed',
  },
  'centre-emergency.fault-resolved': {
    zh: '技术管理岗反馈故障已修复',
    en: 'Fault fixed (technical management)',
  },
  'centre-emergency.task-backfilled': {
    zh: '手工记录补建任务',
    en: 'Hand-written request entered as a task',
  },
  'centre-emergency.missed-call-called-back': {
    zh: '未接来电回拨',
    en: 'Missed call called back',
  },
  'centre-emergency.deferred-requests-processed': {
    zh: '故障结束后处理用户诉求',
    en: 'Held-over requests handled',
  },
  'centre-emergency.emergency-closed': {
    zh: '应急处理结束',
    en: 'Emergency closed',
  },
  'centre-emergency.ticket-linked': {
    zh: '关联受影响工单',
    en: 'Affected ticket linked',
  },
  'centre-emergency.ticket-unlinked': {
    zh: '取消关联工单',
    en: 'Ticket unlinked',
  },
};

export const FAULT_TYPE_LABELS: Record<FaultType, Label> = {
  app: { zh: 'APP故障', en: 'App outage' },
  'backoffice-network-power': {
    zh: '后台操作系统、网络及供电故障',
    en: 'Back-office, network or power outage',
  },
  'hotline-400-or-udesk': {
    zh: '400电话/udesk故障',
    en: '400 hotline or udesk outage',
  },
};
