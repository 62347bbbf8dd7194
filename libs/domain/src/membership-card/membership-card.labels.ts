import type { Label } from '../shared';
import type { MembershipCardEventType } from './membership-card.events';

/** Timeline labels: Chinese first, English second. */
export const MEMBERSHIP_CARD_EVENT_LABELS: Record<
  MembershipCardEventType,
  Label
> = {
  'membership-card.inquiry-received': {
    zh: '受理会员卡进度咨询',
    en: 'Card-progress inquiry received',
  },
  'membership-card.user-guided-to-self-check': {
    zh: '引导用户APP查询审核进度',
    en: 'User guided to check in the app',
  },
  'membership-card.rejection-reason-looked-up': {
    zh: '管理平台查询未通过原因',
    en: 'Rejection reason looked up',
  },
  'membership-card.user-informed-of-rejection': {
    zh: '告知用户审核未通过',
    en: 'User told of the rejection',
  },
  'membership-card.tracking-number-looked-up': {
    zh: '查询快递单号',
    en: 'Tracking number looked up',
  },
  'membership-card.user-told-tracking-number': {
    zh: '告知用户快递单号',
    en: 'User told the tracking number',
  },
  'membership-card.user-told-to-wait': {
    zh: '告知用户等待3-5个工作日',
    en: 'User told to wait 3–5 working days',
  },
  'membership-card.card-still-not-mailed': {
    zh: '复查寄送记录：尚未寄出',
    en: 'Courier record checked: not mailed yet',
  },
  'membership-card.deadline-warned': {
    zh: '已满3个工作日未寄出·提醒坐席',
    en: 'Three working days without a mailing: agent reminded',
  },
  'membership-card.deadline-breached': {
    zh: '已满5个工作日未寄出·升级',
    en: 'Five working days without a mailing: escalated',
  },
};
