import type { Fen, TableState } from '../shared';
import type {
  FeeWaiverContactOutcome,
  NotWaivedReason,
  WaiverOutcome,
} from './fee-waiver.events';
import type { WaiverMethod } from './fee-waiver.rule-table';
import type { FeeWaiverStatus } from './fee-waiver.states';

/** The rule that decided a request, as recorded. */
export interface FeeWaiverDecision {
  tableVersion: string;
  row: number;
  category: string;
  description: string;
  method: WaiverMethod;
  outcome: WaiverOutcome;
  waiverFen: number;
  chargeUntil?: string;
  notWaivedReason?: NotWaivedReason;
}

export interface FeeWaiverState extends TableState<FeeWaiverStatus> {
  ticketNumber?: string;
  orderId?: string;
  memberId?: string;
  callTime?: string;
  caseCode?: string;
  orderFeeFen?: Fen;
  /** Who took the request (absent on requests from before it was kept). */
  requestedBy?: string;
  decision?: FeeWaiverDecision;
  /** What the supervisor approved, or what the rule granted. */
  grantedFen?: Fen;
  rejectionReason?: string;
  waivedFen?: Fen;
  billingReference?: string;
  contactOutcome?: FeeWaiverContactOutcome;
}

export const initialFeeWaiverState: FeeWaiverState = { status: 'NEW' };
