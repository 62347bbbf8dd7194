import type { Custody } from '../shared';
import type { FeeWaiverState } from './fee-waiver.state';

/** Who holds the request: the role whose move it is. */
export function feeWaiverCustody(state: FeeWaiverState): Custody {
  switch (state.status) {
    case 'NEW':
    case 'CLOSED_WAIVED':
    case 'CLOSED_NOT_WAIVED':
    case 'CLOSED_REJECTED':
      return { role: null };
    case 'AWAITING_APPROVAL':
      return { role: 'cs-supervisor' };
    case 'WAIVER_GRANTED':
      return { role: 'cs-phone-agent' };
    default: {
      const unknown: never = state.status;
      throw new Error(`Unknown fee-waiver status: ${String(unknown)}`);
    }
  }
}
