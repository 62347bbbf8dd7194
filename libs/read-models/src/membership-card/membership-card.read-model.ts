import {
  cardCourierRecordProcess,
  membershipCardProcess,
  type CardCourierRecordEvent,
  type CardCourierRecordState,
  type MembershipCardEvent,
  type MembershipCardState,
} from '@opsdesk/domain';
import { shanghaiTime } from '@opsdesk/platform';
import type { ProcessReadModelSpec } from '../process-tickets/process-tickets.spec-type';

/** A short Chinese line per event; null where the label says it all. */
export function membershipCardSummary(
  event: MembershipCardEvent,
): string | null {
  switch (event.type) {
    case 'membership-card.inquiry-received':
      return `会员 ${event.data.memberId}（${event.data.channel === 'online' ? '在线' : '电话'}）`;
    case 'membership-card.rejection-reason-looked-up':
      return event.data.reason ?? '暂时查不到原因';
    case 'membership-card.tracking-number-looked-up':
      return `${event.data.courier} ${event.data.trackingNo}`;
    case 'membership-card.deadline-warned':
    case 'membership-card.deadline-breached':
      return `自 ${shanghaiTime(event.data.stepStartedAt)} 起等待`;
    default:
      return null;
  }
}

const OUTCOMES: Partial<Record<MembershipCardState['status'], string>> = {
  CLOSED_REJECTED: 'rejected',
  CLOSED_SHIPPED: 'shipped',
  AWAITING_CARD: 'waiting',
};

export const membershipCardReadModel: ProcessReadModelSpec = {
  definition: membershipCardProcess,
  tablePrefix: 'membership_card',
  summary: (event) => membershipCardSummary(event as MembershipCardEvent),
  headline: (anyState) => {
    const state = anyState as MembershipCardState;
    return state.memberId ? `会员 ${state.memberId}` : null;
  },
  report: (anyState) => {
    const state = anyState as MembershipCardState;
    return {
      outcome: OUTCOMES[state.status] ?? null,
      amountFen: null,
      facts: {
        channel: state.channel ?? null,
        rejectionReasonKnown: state.rejection?.reasonKnown ?? null,
        reminded: state.reminded ?? false,
        escalated: state.escalated ?? false,
        trackingNo: state.shipment?.trackingNo ?? null,
      },
    };
  },
};

export const cardCourierRecordReadModel: ProcessReadModelSpec = {
  definition: cardCourierRecordProcess,
  tablePrefix: 'card_courier_record',
  summary: (anyEvent) => {
    const { data } = anyEvent as CardCourierRecordEvent;
    return `${data.courier} ${data.trackingNo}`;
  },
  headline: (anyState) => {
    const state = anyState as CardCourierRecordState;
    return state.memberId ? `会员 ${state.memberId}` : null;
  },
  report: (anyState) => {
    const state = anyState as CardCourierRecordState;
    return {
      outcome: state.status === 'MAILED' ? 'mailed' : null,
      amountFen: null,
      facts: { mailings: state.mailings.length },
    };
  },
};
