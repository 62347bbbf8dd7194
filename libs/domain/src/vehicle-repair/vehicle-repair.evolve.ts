import type { VehicleRepairEvent } from './vehicle-repair.events';
import {
  awaitsAnalysisReport,
  graverClass,
  type VehicleRepairState,
} from './vehicle-repair.state';

/**
 * The fold. Events are facts: nothing here refuses one. Where a command
 * appends two events, only the second moves the status.
 */
export function evolveVehicleRepair(
  state: VehicleRepairState,
  event: VehicleRepairEvent,
): VehicleRepairState {
  switch (event.type) {
    case 'vehicle-repair.reported': {
      const d = event.data;
      return {
        ...state,
        status: d.canMove ? 'AWAITING_RECEPTION' : 'AWAITING_RESCUE',
        ticketNumber: d.ticketNumber,
        subsidiaryId: d.subsidiaryId,
        memberId: d.memberId,
        plate: d.plate,
        canMove: d.canMove,
        payer: d.payer,
        fleetId: d.fleetId,
      };
    }
    case 'vehicle-repair.rescue-dispatched':
      return { ...state, status: 'RESCUE_DISPATCHED', rescued: true };
    case 'vehicle-repair.vehicle-towed-in':
      return { ...state, status: 'AWAITING_RECEPTION' };
    case 'vehicle-repair.vehicle-received':
      return { ...state, status: 'RECEIVED', model: event.data.model };
    case 'vehicle-repair.diagnosed':
      return {
        ...state,
        repairPlan: event.data.repairPlan,
        quoteFen: event.data.quoteFen,
        faultClass: graverClass(state.faultClass, event.data.faultClass),
      };
    case 'vehicle-repair.quote-issued':
      return {
        ...state,
        status:
          event.data.awaiting === 'fleet'
            ? 'QUOTE_AWAITING_FLEET'
            : 'QUOTE_AWAITING_MEMBER',
        quoteFen: event.data.quoteFen,
      };
    case 'vehicle-repair.escalated-to-after-sales':
      return {
        ...state,
        status: 'AFTER_SALES_SUPPORT',
        faultClass: graverClass(state.faultClass, event.data.faultClass),
        escalatedFrom: event.data.stage,
        escalationLevel: state.escalationLevel ?? 'after-sales',
      };
    case 'vehicle-repair.escalated-to-assistant-gm':
      return {
        ...state,
        status: 'ASSISTANT_GM_SUPPORT',
        escalationLevel: 'assistant-gm',
      };
    case 'vehicle-repair.escalation-resolved':
      // Back to the quote: the quote-issued event that follows moves it.
      return event.data.resumes === 'repair'
        ? { ...state, status: 'REPAIRING', escalatedFrom: undefined }
        : { ...state, escalatedFrom: undefined };
    case 'vehicle-repair.quote-approved':
      return { ...state, status: 'REPAIRING', quoteApproved: true };
    case 'vehicle-repair.quote-refused':
      return {
        ...state,
        status: 'AWAITING_RETURN_UNREPAIRED',
        quoteApproved: false,
      };
    case 'vehicle-repair.returned-unrepaired':
      return {
        ...state,
        status: awaitsAnalysisReport(state)
          ? 'AWAITING_ANALYSIS_REPORT'
          : 'CLOSED_UNREPAIRED',
      };
    case 'vehicle-repair.repair-completed':
      return { ...state, status: 'AWAITING_QUALITY_CHECK' };
    case 'vehicle-repair.quality-check-passed':
      return { ...state, status: 'READY_FOR_DELIVERY' };
    case 'vehicle-repair.quality-check-failed':
      return {
        ...state,
        status: 'REPAIRING',
        qualityFailures: (state.qualityFailures ?? 0) + 1,
      };
    case 'vehicle-repair.owner-notified':
      return { ...state, status: 'AWAITING_COLLECTION' };
    case 'vehicle-repair.vehicle-delivered':
      return {
        ...state,
        status: 'UNDER_WARRANTY',
        deliveredAt: event.data.deliveredAt,
        warrantyEndsAt: event.data.warrantyEndsAt,
      };
    case 'vehicle-repair.warranty-claim-filed':
      return {
        ...state,
        status: 'REPAIRING',
        warrantyClaims: (state.warrantyClaims ?? 0) + 1,
      };
    case 'vehicle-repair.warranty-follow-up-done':
      return { ...state, status: 'AWAITING_SURVEY' };
    case 'vehicle-repair.survey-recorded':
      return {
        ...state,
        surveyScore: event.data.score,
        status: awaitsAnalysisReport(state)
          ? 'AWAITING_ANALYSIS_REPORT'
          : 'CLOSED_REPAIRED',
      };
    case 'vehicle-repair.analysis-reported':
      return {
        ...state,
        analysisReported: true,
        status:
          state.quoteApproved === false
            ? 'CLOSED_UNREPAIRED'
            : 'CLOSED_REPAIRED',
      };
    default: {
      // Written by a newer release: refusing to fold beats guessing.
      const unknown: never = event;
      throw new Error(
        `Unknown vehicle-repair event type: ${(unknown as { type: string }).type}`,
      );
    }
  }
}
