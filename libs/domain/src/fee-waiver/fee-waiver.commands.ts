import type { DomainCommand, Fen } from '../shared';
import type { WaiverTableVersion } from './fee-waiver.rule-table';
import type { FeeWaiverContactOutcome } from './fee-waiver.events';

type C<T extends string, P extends object> = DomainCommand<T, P>;

/**
 * An agent asks for a waiver on the user's behalf. `ticketNumber` and
 * `ruleTables` (every version of the table) are filled in before the
 * decision; the caller's values for them are replaced.
 */
export type RequestWaiver = C<
  'RequestWaiver',
  {
    ticketNumber: string;
    ruleTables: WaiverTableVersion[];
    orderId: string;
    memberId: string;
    caller: { phone: string; name?: string };
    callTime: string;
    caseCode: string;
    orderFeeFen: Fen;
    /** 未使用车辆全额减免: was the vehicle driven (trip record, mileage)? */
    vehicleUsed?: boolean;
    /** 减免至来电时间: the fee accrued up to the call. */
    feeUntilCallFen?: Fen;
    /** Row 1: when the car was moved (the order ended). */
    carMovedAt?: string;
    /** 酌情减免: what the agent proposes to waive. */
    proposedWaiverFen?: Fen;
    /** 酌情减免: why (required there). */
    reason?: string;
  }
>;

export type ApproveDiscretionaryWaiver = C<
  'ApproveDiscretionaryWaiver',
  { approvedWaiverFen: Fen; note?: string }
>;

export type RejectDiscretionaryWaiver = C<
  'RejectDiscretionaryWaiver',
  { reason: string }
>;

export type ApplyWaiver = C<
  'ApplyWaiver',
  {
    billingReference: string;
    contactOutcome: FeeWaiverContactOutcome;
    note?: string;
  }
>;

export type FeeWaiverCommand =
  | RequestWaiver
  | ApproveDiscretionaryWaiver
  | RejectDiscretionaryWaiver
  | ApplyWaiver;

export type FeeWaiverCommandType = FeeWaiverCommand['type'];

const COMMAND_TYPES: Record<FeeWaiverCommandType, true> = {
  RequestWaiver: true,
  ApproveDiscretionaryWaiver: true,
  RejectDiscretionaryWaiver: true,
  ApplyWaiver: true,
};

export const FEE_WAIVER_COMMAND_TYPES = Object.keys(
  COMMAND_TYPES,
) as FeeWaiverCommandType[];
