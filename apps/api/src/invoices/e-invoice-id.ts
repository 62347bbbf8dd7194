import { INVOICE_PROCESS_ID } from '@opsdesk/domain';
import { deterministicUuid } from '@opsdesk/platform';

/**
 * The e-invoice case of an order: one per order, its id made from the
 * order's, so a second application for the same order reaches the case
 * the first one opened and is refused there (409), instead of opening a
 * second case and issuing the order a second invoice.
 */
export function eInvoiceIdOf(orderId: string): string {
  return deterministicUuid(`${INVOICE_PROCESS_ID}:e-invoice:${orderId}`);
}
