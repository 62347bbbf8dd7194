import type { Custody } from '../shared';
import type { InvoiceState } from './invoice.state';

/** Who holds the case: the role whose move it is. */
export function invoiceCustody(state: InvoiceState): Custody {
  switch (state.status) {
    case 'NEW':
    case 'EINVOICE_ISSUED':
    case 'CLOSED_PAPER':
    case 'REISSUED':
    case 'REISSUE_REFUSED':
      return { role: null };
    case 'EINVOICE_REQUESTED':
      return { role: 'system' };
    case 'INFO_RECORDED':
      return { role: 'cs-phone-agent' };
    case 'AT_LIAISON':
    case 'WITH_LIAISON':
    case 'MAILED':
      return { role: 'ops-invoicing-liaison' };
    case 'AT_FINANCE':
    case 'REISSUE_AT_FINANCE':
      return { role: 'finance-manager' };
    case 'REISSUE_AT_SUPERVISOR':
      return { role: 'cs-supervisor' };
    default: {
      const unknown: never = state.status;
      throw new Error(`Unknown invoice status: ${String(unknown)}`);
    }
  }
}
