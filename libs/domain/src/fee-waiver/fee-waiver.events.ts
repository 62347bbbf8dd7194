import type { DomainEvent, Fen } from '../shared';
import type { WaiverRuleRow } from './fee-waiver.rule-table';

type E<T extends string, D extends object> = DomainEvent<`fee-waiver.${T}`, D>;

/** What the rule decided. */
export type WaiverOutcome = 'waive' | 'not-waived' | 'needs-approval';

/** Why a rule waived nothing. */
export type NotWaivedReason =
  /** 未使用车辆全额减免, but the vehicle was used (P17 is silent; no waiver). */
  | 'vehicle-used'
  /** Row 1: the car moved later than the limit after the first call. */
  | 'moved-after-limit'
  /** 减免至来电时间, but nothing was charged after the call. */
  | 'nothing-after-call';

export type FeeWaiverContactOutcome = 'reached' | 'unreachable';

/** The inputs a rule used, and only those. */
export interface WaiverRuleInputs {
  vehicleUsed?: boolean;
  feeUntilCallFen?: Fen;
  carMovedAt?: string;
  /** Whole minutes from the first call to moving the car, rounded down. */
  minutesToMove?: number;
  proposedWaiverFen?: Fen;
}

/** A user asks the centre to waive (part of) an order's fee. */
export type WaiverRequested = E<
  'requested',
  {
    ticketNumber: string;
    subsidiaryId?: string;
    orderId: string;
    memberId: string;
    caller: { phone: string; name?: string };
    /** The user's first call about it: the rules count from it. */
    callTime: string;
    caseCode: string;
    orderFeeFen: Fen;
    reason?: string;
    /**
     * The person who took the request; absent from requests recorded
     * before the approval had to be someone else's.
     */
    requestedBy?: string;
  }
>;

/**
 * The table row that decided the request, the version it belongs to and
 * the inputs it used: replay reads the decision, never re-decides it.
 */
export type WaiverRuleApplied = E<
  'rule-applied',
  {
    table: { version: string; effectiveFrom: string };
    row: WaiverRuleRow;
    inputs: WaiverRuleInputs;
    outcome: WaiverOutcome;
    /** What the rule waives (for `needs-approval`, what the agent proposes). */
    waiverFen: Fen;
    /** 减免至来电时间: fees are charged up to this instant only. */
    chargeUntil?: string;
    notWaivedReason?: NotWaivedReason;
  }
>;

/** The supervisor approves a discretionary waiver (P17 names no one). */
export type DiscretionaryWaiverApproved = E<
  'discretionary-approved',
  { approvedWaiverFen: Fen; note?: string }
>;

export type DiscretionaryWaiverRejected = E<
  'discretionary-rejected',
  { reason: string }
>;

/** The agent applied the waiver to the order and told the user. */
export type WaiverApplied = E<
  'waiver-applied',
  {
    waivedFen: Fen;
    billingReference: string;
    contactOutcome: FeeWaiverContactOutcome;
    note?: string;
  }
>;

export type FeeWaiverEvent =
  | WaiverRequested
  | WaiverRuleApplied
  | DiscretionaryWaiverApproved
  | DiscretionaryWaiverRejected
  | WaiverApplied;

export type FeeWaiverEventType = FeeWaiverEvent['type'];
