import type { Label } from '../shared';
import type { RepeatCallerEventType } from './repeat-caller.events';

/** Timeline labels: Chinese first, English second. */
export const REPEAT_CALLER_EVENT_LABELS: Record<RepeatCallerEventType, Label> =
  {
    'repeat-caller.call-recorded': {
      zh: '记录来电问题并告知解决时效',
      en: 'Call recorded, time frame promised',
    },
    'repeat-caller.call-closed': {
      zh: '来电问题已办结',
      en: 'Call closed',
    },
    'repeat-caller.calls-linked': {
      zh: '识别重复来电并关联前次来电',
      en: 'Repeat caller recognised, earlier calls linked',
    },
    'repeat-caller.sensitive-issue-escalated': {
      zh: '重复来电敏感问题上报客服经理',
      en: 'Sensitive issue escalated to the CS manager',
    },
    'repeat-caller.calls-unlinked': {
      zh: '取消关联来电',
      en: 'Call unlinked',
    },
    'repeat-caller.recordings-reviewed': {
      zh: '调取全部相关录音了解情况',
      en: 'All related recordings reviewed',
    },
    'repeat-caller.incident-reported': {
      zh: '按事件上报模板上报运营负责人',
      en: 'Incident reported with the template',
    },
    'repeat-caller.incident-classified': {
      zh: '判断是否外部投诉或媒体曝光',
      en: 'Classified: external complaint or media exposure',
    },
    'repeat-caller.handling-plan-drafted': {
      zh: '拟写处理方案',
      en: 'Handling plan drafted',
    },
    'repeat-caller.handling-plans-approved': {
      zh: '总经理审核通过处理方案',
      en: 'Handling plan approved by the GM',
    },
    'repeat-caller.handling-plans-sent-back': {
      zh: '总经理退回处理方案重拟',
      en: 'Handling plan sent back for a redraft',
    },
    'repeat-caller.user-called-back-with-plan': {
      zh: '回电用户公开处理方案',
      en: 'Caller called back with the plan',
    },
    'repeat-caller.follow-up-recorded': {
      zh: '跟进解决',
      en: 'Follow-up recorded',
    },
    'repeat-caller.result-notified': {
      zh: '通知相关处理结果',
      en: 'Result notified',
    },
  };
