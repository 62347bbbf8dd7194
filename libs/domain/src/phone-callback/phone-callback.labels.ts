import type { Label } from '../shared';
import type { PhoneCallbackEventType } from './phone-callback.events';

/** Timeline labels: Chinese first, English second. */
export const PHONE_CALLBACK_EVENT_LABELS: Record<
  PhoneCallbackEventType,
  Label
> = {
  'phone-callback.opened': { zh: '创建回访任务', en: 'Call-back opened' },
  'phone-callback.prepared': {
    zh: '回访准备（核实用户信息）',
    en: 'Call-back prepared',
  },
  'phone-callback.attempt-recorded': {
    zh: '外呼回访',
    en: 'Call-back attempt',
  },
  'phone-callback.unreached-reported': {
    zh: '未回访用户提交值班长',
    en: 'Unreached user reported to shift leader',
  },
  'phone-callback.closed-satisfied': {
    zh: '回访完成，用户满意',
    en: 'Closed, user satisfied',
  },
  'phone-callback.escalated': {
    zh: '用户不满意，转值班长/主管',
    en: 'Escalated for a second call',
  },
  'phone-callback.second-call-made': {
    zh: '值班长/主管二次回访',
    en: 'Second call made',
  },
  'phone-callback.complaint-opened': {
    zh: '触发客服投诉处理流程',
    en: 'Complaint opened',
  },
  'phone-callback.closed-dissatisfied': {
    zh: '回访结束，用户仍不满意',
    en: 'Closed, user still dissatisfied',
  },
  'phone-callback.unreached-closed': {
    zh: '值班长处理未回访用户',
    en: 'Unreached user handled by shift leader',
  },
  'phone-callback.cancelled': { zh: '无需回访', en: 'Call-back not needed' },
  'phone-callback.deadline-warned': {
    zh: '临近时限预警',
    en: 'Deadline warning',
  },
  'phone-callback.deadline-breached': {
    zh: '已超时限',
    en: 'Deadline breached',
  },
};
