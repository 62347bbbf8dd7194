import type { Label } from '../shared';
import type { TrafficViolationEventType } from './traffic-violation.events';

/** Timeline labels: Chinese first, English second. */
export const TRAFFIC_VIOLATION_EVENT_LABELS: Record<
  TrafficViolationEventType,
  Label
> = {
  'traffic-violation.violation-entered': {
    zh: '录入用户违章信息',
    en: 'Violation entered',
  },
  'traffic-violation.sms-sent': { zh: '系统发送违章短信', en: 'SMS sent' },
  'traffic-violation.caller-routed-to-online': {
    zh: '电话坐席引导至在线客服',
    en: 'Caller routed to online CS',
  },
  'traffic-violation.materials-emailed': {
    zh: '邮件推送违章材料',
    en: 'Materials e-mailed',
  },
  'traffic-violation.first-days-ended': {
    zh: '前三天结束',
    en: 'First three days over',
  },
  'traffic-violation.reminder-call-made': {
    zh: '违章提醒专员致电提醒',
    en: 'Reminder call made',
  },
  'traffic-violation.unpushed-list-handed-to-online': {
    zh: '未推送材料名单交在线客服',
    en: 'Unpushed list handed to online CS',
  },
  'traffic-violation.warning-call-due': {
    zh: '第八天：待致电警告',
    en: 'Day 8: warning call due',
  },
  'traffic-violation.warning-call-made': {
    zh: '致电警告',
    en: 'Warning call made',
  },
  'traffic-violation.risk-call-due': {
    zh: '第十二天：待风控致电',
    en: 'Day 12: risk-control call due',
  },
  'traffic-violation.risk-control-call-made': {
    zh: '风控致电告知三天后扣押金',
    en: 'Risk control called: deposit in three days',
  },
  'traffic-violation.deduction-due': {
    zh: '三天期满未处理',
    en: 'Three days passed',
  },
  'traffic-violation.severity-assessed': {
    zh: '判断违章费用金额和情况恶劣',
    en: 'Judged severe',
  },
  'traffic-violation.in-person-collection-started': {
    zh: '上门追讨',
    en: 'In-person collection started',
  },
  'traffic-violation.collection-result-recorded': {
    zh: '上门追讨结果',
    en: 'Collection result',
  },
  'traffic-violation.deposit-deduction-requested': {
    zh: '请财务冻结押金并扣款',
    en: 'Deposit deduction requested',
  },
  'traffic-violation.deposit-frozen': {
    zh: '冻结用户押金',
    en: 'Deposit frozen',
  },
  'traffic-violation.fine-deducted-as-penalty': {
    zh: '以违约金形式扣除违章费用',
    en: 'Fine deducted as liquidated damages',
  },
  'traffic-violation.result-notified-to-centre': {
    zh: '处理结果通知客服中心',
    en: 'Result notified to the centre',
  },
  'traffic-violation.handed-to-receivables': {
    zh: '执行应收账款防范及收缴流程',
    en: 'Handed to receivables collection',
  },
  'traffic-violation.handled-by-user': {
    zh: '用户已处理违章',
    en: 'Handled by the user',
  },
};
