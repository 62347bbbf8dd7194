import type { Label } from '../shared';
import type { FeeWaiverEventType } from './fee-waiver.events';

/** Timeline labels: Chinese first, English second. */
export const FEE_WAIVER_EVENT_LABELS: Record<FeeWaiverEventType, Label> = {
  'fee-waiver.requested': { zh: '受理费用减免申请', en: 'Waiver requested' },
  'fee-waiver.rule-applied': {
    zh: '按减免规则表判定',
    en: 'Decided by the rule table',
  },
  'fee-waiver.discretionary-approved': {
    zh: '主管批准酌情减免',
    en: 'Discretionary waiver approved',
  },
  'fee-waiver.discretionary-rejected': {
    zh: '主管不批准酌情减免',
    en: 'Discretionary waiver rejected',
  },
  'fee-waiver.waiver-applied': {
    zh: '执行减免并告知用户',
    en: 'Waiver applied, user told',
  },
};
