import {
  vehicleRepairProcess,
  yuanLabel,
  type VehicleRepairEvent,
  type VehicleRepairState,
} from '@opsdesk/domain';
import { shanghaiTime } from '@opsdesk/platform';
import type { ProcessReadModelSpec } from '../process-tickets/process-tickets.spec-type';

const PAYER_ZH = { member: '会员', fleet: '车队' } as const;
const CLASS_ZH = {
  ordinary: '一般',
  difficult: '疑难',
  major: '重大',
} as const;

/** A short Chinese line per event; null where the label says it all. */
export function vehicleRepairSummary(event: VehicleRepairEvent): string | null {
  switch (event.type) {
    case 'vehicle-repair.reported': {
      const d = event.data;
      const moves = d.canMove ? '可行驶' : '无法行驶';
      return `${d.plate}（${moves}，${PAYER_ZH[d.payer]}付费）：${d.description}，${shanghaiTime(d.occurredAt)} 于 ${d.location}`;
    }
    case 'vehicle-repair.rescue-dispatched':
      return `救援车辆 ${event.data.rescueVehicle}`;
    case 'vehicle-repair.vehicle-received':
      return `${event.data.model} ${event.data.plate}：${event.data.symptoms}`;
    case 'vehicle-repair.diagnosed':
      return `${CLASS_ZH[event.data.faultClass]}故障：${event.data.diagnosis}；估价 ${yuanLabel(event.data.quoteFen)}`;
    case 'vehicle-repair.quote-issued':
      return `报价 ${yuanLabel(event.data.quoteFen)}，待${PAYER_ZH[event.data.awaiting]}确认`;
    case 'vehicle-repair.escalated-to-after-sales':
      return `${CLASS_ZH[event.data.faultClass]}故障：${event.data.reason}`;
    case 'vehicle-repair.escalated-to-assistant-gm':
      return event.data.reason;
    case 'vehicle-repair.escalation-resolved':
      return event.data.guidance;
    case 'vehicle-repair.quote-approved':
      return `${PAYER_ZH[event.data.approvedBy]}确认 ${yuanLabel(event.data.quoteFen)}`;
    case 'vehicle-repair.quote-refused':
      return `${PAYER_ZH[event.data.refusedBy]}拒绝：${event.data.reason}`;
    case 'vehicle-repair.repair-completed':
      return event.data.workDone;
    case 'vehicle-repair.quality-check-failed':
      return event.data.findings;
    case 'vehicle-repair.vehicle-delivered':
      return `保修 ${event.data.warrantyDays} 天，至 ${shanghaiTime(event.data.warrantyEndsAt)}`;
    case 'vehicle-repair.warranty-claim-filed':
      return event.data.description;
    case 'vehicle-repair.warranty-follow-up-done':
      return event.data.contactOutcome === 'reached'
        ? '已回访车主'
        : '未能联系车主';
    case 'vehicle-repair.survey-recorded':
      return event.data.answered
        ? `满意度 ${event.data.score}/5`
        : '车主未回复满意度调查';
    case 'vehicle-repair.analysis-reported':
      return `原因：${event.data.rootCause}`;
    default:
      return null;
  }
}

const OUTCOMES: Partial<Record<VehicleRepairState['status'], string>> = {
  CLOSED_REPAIRED: 'repaired',
  CLOSED_UNREPAIRED: 'returned-unrepaired',
};

export const vehicleRepairReadModel: ProcessReadModelSpec = {
  definition: vehicleRepairProcess,
  tablePrefix: 'vehicle_repair',
  summary: (event) => vehicleRepairSummary(event as VehicleRepairEvent),
  headline: (anyState) => {
    const state = anyState as VehicleRepairState;
    return state.plate ? `车辆 ${state.plate}` : null;
  },
  report: (anyState) => {
    const state = anyState as VehicleRepairState;
    return {
      outcome: OUTCOMES[state.status] ?? null,
      // The quote the payer approved: what the repair costs them.
      amountFen: state.quoteApproved ? (state.quoteFen ?? null) : null,
      facts: {
        payer: state.payer ?? null,
        rescued: state.rescued ?? false,
        faultClass: state.faultClass ?? null,
        escalationLevel: state.escalationLevel ?? null,
        qualityFailures: state.qualityFailures ?? 0,
        warrantyClaims: state.warrantyClaims ?? 0,
        surveyScore: state.surveyScore ?? null,
        analysisReported: state.analysisReported ?? false,
      },
    };
  },
};
