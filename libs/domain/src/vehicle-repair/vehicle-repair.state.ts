import type { Fen, TableState } from '../shared';
import type {
  VehicleRepairFaultClass,
  VehicleRepairPayer,
} from './vehicle-repair.events';
import type { VehicleRepairStatus } from './vehicle-repair.states';

/** A vehicle-repair case as folded from its events. */
export interface VehicleRepairState extends TableState<VehicleRepairStatus> {
  ticketNumber?: string;
  memberId?: string;
  plate?: string;
  canMove?: boolean;
  payer?: VehicleRepairPayer;
  fleetId?: string;
  rescued?: boolean;
  model?: string;
  repairPlan?: string;
  quoteFen?: Fen;
  /** The highest class the fault was given; `major` never goes back. */
  faultClass?: VehicleRepairFaultClass;
  /** Where the open escalation came from (diagnosis or repair). */
  escalatedFrom?: 'diagnosis' | 'repair';
  /** The highest level the case reached: after-sales, then the GM's assistant. */
  escalationLevel?: 'after-sales' | 'assistant-gm';
  quoteApproved?: boolean;
  qualityFailures?: number;
  deliveredAt?: string;
  warrantyEndsAt?: string;
  warrantyClaims?: number;
  surveyScore?: number;
  analysisReported?: boolean;
}

export const initialVehicleRepairState: VehicleRepairState = { status: 'NEW' };

const CLASS_RANK: Record<VehicleRepairFaultClass, number> = {
  ordinary: 0,
  difficult: 1,
  major: 2,
};

/** The more serious of two classes: a fault is never downgraded. */
export function graverClass(
  current: VehicleRepairFaultClass | undefined,
  next: VehicleRepairFaultClass,
): VehicleRepairFaultClass {
  if (current === undefined) return next;
  return CLASS_RANK[next] > CLASS_RANK[current] ? next : current;
}

/** G3 6: a major fault cannot close before its analysis report. */
export function awaitsAnalysisReport(state: VehicleRepairState): boolean {
  return state.faultClass === 'major' && !state.analysisReported;
}
