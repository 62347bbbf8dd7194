import { shanghaiDayOf, DAY_MS } from '../deadlines/shanghai-time';

/**
 * The numbers of P21 用户开具发票流程, kept as configuration because they
 * are doubtful (the amount rule of 4.1 looks inverted against common
 * practice; the business should confirm).
 */
export interface InvoiceRules {
  /** 4.1 是否大于10元: an e-invoice needs an amount strictly above this. */
  eInvoiceAboveFen: number;
  /** 4.2 九十天内订单: an e-invoice needs an order younger than this. */
  maxOrderAgeDays: number;
  /** 4.11 是否开票超过30天: a reissue after this many days needs review. */
  reissueLimitDays: number;
}

export const DEFAULT_INVOICE_RULES: InvoiceRules = {
  eInvoiceAboveFen: 1000,
  maxOrderAgeDays: 90,
  reissueLimitDays: 30,
};

export type PaperReason = 'amount-not-above-threshold' | 'order-too-old';

export interface InvoiceRoute {
  route: 'e-invoice' | 'paper';
  amountFen: number;
  orderAgeDays: number;
  reasons: PaperReason[];
}

/**
 * Whole Shanghai calendar days from `from` to `to`: an order completed
 * on 1 March is 1 day old on 2 March, whatever the hour.
 */
export function shanghaiDaysBetween(from: string, to: string): number {
  const a = Date.parse(`${shanghaiDayOf(Date.parse(from))}T00:00:00Z`);
  const b = Date.parse(`${shanghaiDayOf(Date.parse(to))}T00:00:00Z`);
  return Math.round((b - a) / DAY_MS);
}

/**
 * P21 splits on the amount (4.1) and on the order's age (4.2) without
 * saying how the two combine. The reading taken: an e-invoice in the app
 * needs both an amount above 10 yuan and an order under 90 days;
 * everything else is a paper invoice through the phone agent. Exactly 10
 * yuan is not above 10 (paper); exactly 90 days is 九十天及以上 (paper).
 */
export function invoiceRoute(
  amountFen: number,
  orderCompletedAt: string,
  now: string,
  rules: InvoiceRules,
): InvoiceRoute {
  const orderAgeDays = shanghaiDaysBetween(orderCompletedAt, now);
  const reasons: PaperReason[] = [];
  if (amountFen <= rules.eInvoiceAboveFen) {
    reasons.push('amount-not-above-threshold');
  }
  if (orderAgeDays >= rules.maxOrderAgeDays) reasons.push('order-too-old');
  return {
    route: reasons.length === 0 ? 'e-invoice' : 'paper',
    amountFen,
    orderAgeDays,
    reasons,
  };
}
