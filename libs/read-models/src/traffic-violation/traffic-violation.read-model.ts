import {
  trafficViolationProcess,
  yuanLabel,
  type TrafficViolationEvent,
  type TrafficViolationState,
} from '@opsdesk/domain';
import { shanghaiTime } from '@opsdesk/platform';
import type { ProcessReadModelSpec } from '../process-tickets/process-tickets.spec-type';

const told = (outcome: string) => (outcome === 'reached' ? '已接通' : '未接通');

/** A short Chinese line per event; the entry names the days to come. */
export function trafficViolationSummary(
  event: TrafficViolationEvent,
): string | null {
  switch (event.type) {
    case 'traffic-violation.violation-entered': {
      const { violation, schedule, entryOverride } = event.data;
      const override = entryOverride
        ? `（非周一/周四补录：${entryOverride.reason}）`
        : '';
      return `${violation.plate} ${violation.description}，罚款 ${yuanLabel(violation.fineFen)}；第8天 ${schedule.warningDueAt.slice(0, 10)}，风控致电日 ${schedule.riskCallDay}${override}`;
    }
    case 'traffic-violation.sms-sent':
      return `第${event.data.day + 1}条短信（第${event.data.day}天）`;
    case 'traffic-violation.materials-emailed':
      return `已推送至 ${event.data.email}（第${event.data.day}天）`;
    case 'traffic-violation.first-days-ended':
      return event.data.materialsPushed
        ? '已推送材料'
        : '未推送材料，转违章提醒专员';
    case 'traffic-violation.reminder-call-made':
    case 'traffic-violation.warning-call-made':
      return told(event.data.contactOutcome);
    case 'traffic-violation.warning-call-due':
    case 'traffic-violation.risk-call-due':
    case 'traffic-violation.deduction-due':
      return `第${event.data.day}天`;
    case 'traffic-violation.risk-control-call-made':
      return `${told(event.data.contactOutcome)}；扣款日 ${event.data.deductionDay}（${shanghaiTime(event.data.deductionDueAt)}）`;
    case 'traffic-violation.severity-assessed':
      return event.data.reason;
    case 'traffic-violation.collection-result-recorded':
      return event.data.collected
        ? `追讨到 ${yuanLabel(event.data.amountFen ?? 0)}`
        : '未追讨到';
    case 'traffic-violation.deposit-deduction-requested':
      return `应扣 ${yuanLabel(event.data.fineFen)}`;
    case 'traffic-violation.fine-deducted-as-penalty':
      return `已扣 ${yuanLabel(event.data.amountFen)}`;
    case 'traffic-violation.result-notified-to-centre':
      return event.data.result;
    case 'traffic-violation.handed-to-receivables':
      return `应收账款 ${event.data.receivableCaseId}`;
    case 'traffic-violation.handled-by-user':
      return event.data.evidence;
    default:
      return null;
  }
}

const OUTCOMES: Partial<Record<TrafficViolationState['status'], string>> = {
  HANDLED_BY_USER: 'handled-by-user',
  CLOSED_BY_COLLECTION: 'collected',
  CLOSED_BY_DEDUCTION: 'deducted',
};

export const trafficViolationReadModel: ProcessReadModelSpec = {
  definition: trafficViolationProcess,
  tablePrefix: 'traffic_violation',
  summary: (event) => trafficViolationSummary(event as TrafficViolationEvent),
  headline: (anyState) => {
    const state = anyState as TrafficViolationState;
    return state.violation
      ? `${state.violation.plate} ${state.violation.description}`
      : null;
  },
  report: (anyState) => {
    const state = anyState as TrafficViolationState;
    return {
      outcome: OUTCOMES[state.status] ?? null,
      amountFen: state.deductedFen ?? state.collectedFen ?? null,
      facts: {
        fineFen: state.violation?.fineFen ?? null,
        day0: state.schedule?.day0 ?? null,
        riskCallDay: state.schedule?.riskCallDay ?? null,
        deductionDay: state.deductionDay ?? null,
        smsSent: state.smsSent,
        materialsPushed: state.materialsPushed,
        calls: state.calls.map((c) => c.step),
      },
    };
  },
};
