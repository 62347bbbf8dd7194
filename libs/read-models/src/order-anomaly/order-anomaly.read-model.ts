import {
  orderAnomalyProcess,
  yuanLabel,
  type OrderAnomalyEvent,
  type OrderAnomalyState,
} from '@opsdesk/domain';
import { shanghaiTime } from '@opsdesk/platform';
import type { ProcessReadModelSpec } from '../process-tickets/process-tickets.spec-type';

/** A short Chinese line per event; null where the label says it all. */
export function orderAnomalySummary(event: OrderAnomalyEvent): string | null {
  switch (event.type) {
    case 'order-anomaly.reported':
      return `订单 ${event.data.orderId}（车辆 ${event.data.vehicleId}）：${event.data.description}`;
    case 'order-anomaly.trajectory-reviewed':
      return `用车 ${shanghaiTime(event.data.usageStartedAt)} 至 ${shanghaiTime(event.data.usageEndedAt)}`;
    case 'order-anomaly.order-restored':
    case 'order-anomaly.user-guided-to-pay-in-app':
      return null;
    case 'order-anomaly.order-restore-failed':
      return `失败原因：${event.data.reason}`;
    case 'order-anomaly.reported-to-tech-manager':
      return event.data.summary;
    case 'order-anomaly.e-coin-top-up-requested':
      return `应付 ${yuanLabel(event.data.orderFeeFen)}`;
    case 'order-anomaly.e-coin-deducted':
      return `扣除E币 ${yuanLabel(event.data.eCoinFen)}`;
    case 'order-anomaly.order-settled':
      return `结算 ${yuanLabel(event.data.orderFeeFen)}`;
    case 'order-anomaly.user-notified-of-result':
      return event.data.contactOutcome === 'reached'
        ? '已告知用户'
        : '未能联系用户';
    case 'order-anomaly.tech-finding-recorded':
      return `${event.data.fixed ? '已修复' : '未修复'}：${event.data.finding}`;
    default:
      return null;
  }
}

const OUTCOMES: Partial<Record<OrderAnomalyState['status'], string>> = {
  CLOSED_PAID_IN_APP: 'paid-in-app',
  AWAITING_TECH_FINDING: 'settled-by-e-coin',
  CLOSED_SETTLED_BY_ECOIN: 'settled-by-e-coin',
};

export const orderAnomalyReadModel: ProcessReadModelSpec = {
  definition: orderAnomalyProcess,
  tablePrefix: 'order_anomaly',
  summary: (event) => orderAnomalySummary(event as OrderAnomalyEvent),
  headline: (anyState) => {
    const state = anyState as OrderAnomalyState;
    return state.orderId ? `订单 ${state.orderId}` : null;
  },
  report: (anyState) => {
    const state = anyState as OrderAnomalyState;
    return {
      outcome: OUTCOMES[state.status] ?? null,
      amountFen: state.eCoinFen ?? null,
      facts: {
        restored: state.restored ?? null,
        techFindingRecorded: state.techFinding !== undefined,
        techFixed: state.techFinding?.fixed ?? null,
      },
    };
  },
};
