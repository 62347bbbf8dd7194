import {
  invoiceProcess,
  yuanLabel,
  type InvoiceEvent,
  type InvoiceState,
  type PaperReason,
} from '@opsdesk/domain';
import type { ProcessReadModelSpec } from '../process-tickets/process-tickets.spec-type';

const PAPER_REASONS_ZH: Record<PaperReason, string> = {
  'amount-not-above-threshold': '金额不大于10元',
  'order-too-old': '订单已满90天',
};

/** A short Chinese line per event; the check names the rule's numbers. */
export function invoiceSummary(event: InvoiceEvent): string | null {
  switch (event.type) {
    case 'invoice.requested':
      return `订单 ${event.data.orderId}，金额 ${yuanLabel(event.data.amountFen)}（${event.data.channel === 'app' ? 'APP' : '电话'}）`;
    case 'invoice.eligibility-checked': {
      const { route, orderAgeDays, reasons } = event.data;
      const age = `订单 ${orderAgeDays} 天`;
      return route === 'e-invoice'
        ? `可开电子发票（${age}）`
        : `需开纸质发票：${reasons.map((r) => PAPER_REASONS_ZH[r]).join('，')}（${age}）`;
    }
    case 'invoice.e-invoice-issued':
      return `电子发票 ${event.data.invoiceNo}`;
    case 'invoice.finance-task-created':
      return `TB任务 ${event.data.tbTaskId}`;
    case 'invoice.paper-invoice-issued':
      return `纸质发票 ${event.data.invoiceNo}，${yuanLabel(event.data.amountFen)}`;
    case 'invoice.paper-invoice-mailed':
      return `${event.data.courier} ${event.data.trackingNo}`;
    case 'invoice.result-reported-to-centre':
      return event.data.result;
    case 'invoice.reissue-requested':
      return `原因：${event.data.reason}`;
    case 'invoice.reissue-age-checked': {
      const { daysSinceFirstIssue, limitDays, overLimit } = event.data;
      return `首次开票 ${daysSinceFirstIssue} 天${overLimit ? `，超过${limitDays}天，报主管` : `，未超过${limitDays}天`}`;
    }
    case 'invoice.late-reissue-refused':
      return `原因：${event.data.reason}`;
    case 'invoice.invoice-reissued':
      return `新发票 ${event.data.invoiceNo}（替代 ${event.data.replacesInvoiceNo}）`;
    default:
      return null;
  }
}

const OUTCOMES: Partial<Record<InvoiceState['status'], string>> = {
  EINVOICE_ISSUED: 'e-invoice',
  CLOSED_PAPER: 'paper',
  REISSUED: 'reissued',
  REISSUE_REFUSED: 'reissue-refused',
};

export const invoiceReadModel: ProcessReadModelSpec = {
  definition: invoiceProcess,
  tablePrefix: 'invoice',
  summary: (event) => invoiceSummary(event as InvoiceEvent),
  headline: (anyState) => {
    const state = anyState as InvoiceState;
    return state.orderId ? `订单 ${state.orderId}` : null;
  },
  report: (anyState) => {
    const state = anyState as InvoiceState;
    return {
      outcome: OUTCOMES[state.status] ?? null,
      amountFen: state.amountFen ?? null,
      facts: {
        channel: state.channel ?? null,
        route: state.route?.route ?? null,
        paperReasons: state.route?.reasons ?? [],
        orderAgeDays: state.route?.orderAgeDays ?? null,
        reissues: state.reissues,
        invoiceNo: state.invoiceNo ?? null,
      },
    };
  },
};
