import { DomainError } from '../shared';
import type { InvoiceRoute } from './invoice.rules';

/** The app asked for an e-invoice the rules route to paper. */
export class NotEligibleForEInvoiceError extends DomainError {
  readonly code = 'NOT_ELIGIBLE_FOR_E_INVOICE';
  readonly httpStatus = 409;

  constructor(
    readonly orderId: string,
    readonly route: InvoiceRoute,
  ) {
    super(
      `Order ${orderId} takes a paper invoice: ${route.reasons.join(', ')}`,
    );
  }

  details() {
    const { amountFen, orderAgeDays, reasons } = this.route;
    return { orderId: this.orderId, amountFen, orderAgeDays, reasons };
  }
}

/** A paper request by phone for an order the app can invoice itself. */
export class EligibleForEInvoiceError extends DomainError {
  readonly code = 'ELIGIBLE_FOR_E_INVOICE';
  readonly httpStatus = 409;

  constructor(
    readonly orderId: string,
    readonly route: InvoiceRoute,
  ) {
    super(`Order ${orderId} is invoiced electronically in the app`);
  }

  details() {
    const { amountFen, orderAgeDays } = this.route;
    return { orderId: this.orderId, amountFen, orderAgeDays };
  }
}
