import type { InvoiceEvent } from './invoice.events';
import type { InvoiceState } from './invoice.state';

/** The fold. Events are facts: nothing here refuses one. */
export function evolveInvoice(
  state: InvoiceState,
  event: InvoiceEvent,
): InvoiceState {
  switch (event.type) {
    case 'invoice.requested': {
      const d = event.data;
      // Always followed by eligibility-checked and a third event.
      return {
        ...state,
        ticketNumber: d.ticketNumber,
        subsidiaryId: d.subsidiaryId,
        channel: d.channel,
        orderId: d.orderId,
        memberId: d.memberId,
        amountFen: d.amountFen,
        orderCompletedAt: d.orderCompletedAt,
      };
    }
    case 'invoice.eligibility-checked': {
      const { route, amountFen, orderAgeDays, reasons } = event.data;
      return { ...state, route: { route, amountFen, orderAgeDays, reasons } };
    }
    case 'invoice.e-invoice-applied':
      return { ...state, status: 'EINVOICE_REQUESTED' };
    case 'invoice.e-invoice-issued':
      return {
        ...state,
        status: 'EINVOICE_ISSUED',
        invoiceNo: event.data.invoiceNo,
        firstIssuedAt: event.data.issuedAt,
      };
    case 'invoice.invoice-info-recorded':
      return { ...state, status: 'INFO_RECORDED' };
    case 'invoice.finance-task-created':
      return { ...state, tbTaskId: event.data.tbTaskId };
    case 'invoice.info-sent-to-liaison':
      return { ...state, status: 'AT_LIAISON' };
    case 'invoice.application-submitted':
      return { ...state, status: 'AT_FINANCE' };
    case 'invoice.paper-invoice-issued':
      return {
        ...state,
        invoiceNo: event.data.invoiceNo,
        firstIssuedAt: event.data.issuedAt,
      };
    case 'invoice.paper-invoice-handed-to-liaison':
      return { ...state, status: 'WITH_LIAISON' };
    case 'invoice.paper-invoice-mailed':
      return { ...state, status: 'MAILED', trackingNo: event.data.trackingNo };
    case 'invoice.result-reported-to-centre':
      return { ...state, status: 'CLOSED_PAPER' };
    case 'invoice.reissue-requested':
      return state;
    case 'invoice.reissue-age-checked': {
      const { daysSinceFirstIssue, overLimit } = event.data;
      return {
        ...state,
        status: overLimit ? 'REISSUE_AT_SUPERVISOR' : 'REISSUE_AT_FINANCE',
        lastReissueCheck: { daysSinceFirstIssue, overLimit },
      };
    }
    case 'invoice.late-reissue-approved':
      return { ...state, status: 'REISSUE_AT_FINANCE' };
    case 'invoice.late-reissue-refused':
      return { ...state, status: 'REISSUE_REFUSED' };
    case 'invoice.invoice-reissued':
      return {
        ...state,
        status: 'REISSUED',
        invoiceNo: event.data.invoiceNo,
        reissues: state.reissues + 1,
      };
    default: {
      const unknown: never = event;
      throw new Error(
        `Unknown invoice event type: ${(unknown as { type: string }).type}`,
      );
    }
  }
}
