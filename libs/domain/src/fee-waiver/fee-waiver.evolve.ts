import type { FeeWaiverEvent } from './fee-waiver.events';
import type { FeeWaiverState } from './fee-waiver.state';

/** The fold. The decision is read from the event, never re-decided. */
export function evolveFeeWaiver(
  state: FeeWaiverState,
  event: FeeWaiverEvent,
): FeeWaiverState {
  switch (event.type) {
    case 'fee-waiver.requested': {
      const d = event.data;
      // Always followed by rule-applied in the same append.
      return {
        ...state,
        ticketNumber: d.ticketNumber,
        subsidiaryId: d.subsidiaryId,
        orderId: d.orderId,
        memberId: d.memberId,
        callTime: d.callTime,
        caseCode: d.caseCode,
        orderFeeFen: d.orderFeeFen,
        requestedBy: d.requestedBy,
      };
    }
    case 'fee-waiver.rule-applied': {
      const d = event.data;
      const decision = {
        tableVersion: d.table.version,
        row: d.row.row,
        category: d.row.category,
        description: d.row.description,
        method: d.row.method,
        outcome: d.outcome,
        waiverFen: d.waiverFen,
        ...(d.chargeUntil !== undefined && { chargeUntil: d.chargeUntil }),
        ...(d.notWaivedReason !== undefined && {
          notWaivedReason: d.notWaivedReason,
        }),
      };
      switch (d.outcome) {
        case 'waive':
          return {
            ...state,
            decision,
            status: 'WAIVER_GRANTED',
            grantedFen: d.waiverFen,
          };
        case 'not-waived':
          return { ...state, decision, status: 'CLOSED_NOT_WAIVED' };
        case 'needs-approval':
          return { ...state, decision, status: 'AWAITING_APPROVAL' };
        default: {
          const unknown: never = d.outcome;
          throw new Error(`Unknown waiver outcome: ${String(unknown)}`);
        }
      }
    }
    case 'fee-waiver.discretionary-approved':
      return {
        ...state,
        status: 'WAIVER_GRANTED',
        grantedFen: event.data.approvedWaiverFen,
      };
    case 'fee-waiver.discretionary-rejected':
      return {
        ...state,
        status: 'CLOSED_REJECTED',
        rejectionReason: event.data.reason,
      };
    case 'fee-waiver.waiver-applied':
      return {
        ...state,
        status: 'CLOSED_WAIVED',
        waivedFen: event.data.waivedFen,
        billingReference: event.data.billingReference,
        contactOutcome: event.data.contactOutcome,
      };
    default: {
      const unknown: never = event;
      throw new Error(
        `Unknown fee-waiver event type: ${(unknown as { type: string }).type}`,
      );
    }
  }
}
