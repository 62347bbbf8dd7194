import {
  PHONE_CALLBACK_STATES,
  phoneCallbackProcess,
  ROLES,
  type PhoneCallbackEvent,
  type PhoneCallbackState,
  type PhoneCallbackStatus,
} from '@opsdesk/domain';
import { shanghaiTime } from '@opsdesk/platform';
import type { ProcessReadModelSpec } from '../process-tickets/process-tickets.spec-type';
import { deadlineSummary } from '../station-fault/timeline/timeline-summary';

const OUTCOME_ZH: Record<string, string> = {
  answered: '已接通',
  'no-answer': '无人接听',
  'not-convenient': '用户不便通话，约稍后再拨',
};

const REASON_ZH: Record<string, string> = {
  'result-notification': '告知处理结果',
  'user-requested': '用户要求回电',
  'silent-or-no-response': '来电无声/无人应答',
  'poor-audio': '声音过小或环境嘈杂',
  'agent-promised': '坐席承诺回电',
};

/** A short Chinese line per call-back event; null where the label says it. */
export function phoneCallbackSummary(event: PhoneCallbackEvent): string | null {
  switch (event.type) {
    case 'phone-callback.opened': {
      const { reason, subject, origin } = event.data;
      const from = origin?.ticketNumber ? `（${origin.ticketNumber}）` : '';
      return `${REASON_ZH[reason] ?? reason}${from}：${subject}`;
    }
    case 'phone-callback.attempt-recorded': {
      const { attemptNo, at, outcome, unreachedReported } = event.data;
      const line = `第${attemptNo}次外呼 ${shanghaiTime(at)}：${OUTCOME_ZH[outcome] ?? outcome}`;
      return unreachedReported ? `${line}，已转值班长` : line;
    }
    case 'phone-callback.unreached-reported':
      return `外呼${event.data.attempts}次未接通，提交值班长`;
    case 'phone-callback.escalated':
      return `转${ROLES[event.data.to]?.zh ?? event.data.to}：${event.data.doubts}`;
    case 'phone-callback.second-call-made':
      return event.data.userSatisfied ? '用户认可处理结果' : '用户仍不满意';
    case 'phone-callback.complaint-opened':
    case 'phone-callback.closed-dissatisfied':
    case 'phone-callback.unreached-closed':
      return event.data.note;
    case 'phone-callback.cancelled':
      return event.data.reason === 'reporter-informed-directly'
        ? '坐席已直接告知报修方'
        : (event.data.note ?? null);
    case 'phone-callback.deadline-warned':
    case 'phone-callback.deadline-breached':
      return deadlineSummary(
        event.data,
        PHONE_CALLBACK_STATES[event.data.step as PhoneCallbackStatus]?.zh ??
          event.data.step,
      );
    default:
      return null;
  }
}

/** Ticket view, inbox and timeline of the call-backs (电话回访). */
export const phoneCallbackReadModel: ProcessReadModelSpec = {
  definition: phoneCallbackProcess,
  tablePrefix: 'phone_callback',
  summary: (event) => phoneCallbackSummary(event as PhoneCallbackEvent),
  headline: (anyState) => {
    const state = anyState as PhoneCallbackState;
    const origin = state.origin?.ticketNumber;
    return origin ? `回访 ${origin}` : (state.subject ?? null);
  },
  report: (anyState) => {
    const state = anyState as PhoneCallbackState;
    return {
      outcome: state.outcome ?? null,
      amountFen: null,
      facts: {
        reason: state.reason ?? null,
        attempts: state.attempts.length,
        originProcess: state.origin?.processId ?? null,
        originTicketId: state.origin?.ticketId ?? null,
        priority: state.priority ?? 'normal',
      },
    };
  },
};
