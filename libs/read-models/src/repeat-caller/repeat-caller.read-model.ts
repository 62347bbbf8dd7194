import {
  REPEAT_CALL_SUBJECTS,
  repeatCallerProcess,
  type RepeatCallerEvent,
  type RepeatCallerState,
} from '@opsdesk/domain';
import type { ProcessReadModelSpec } from '../process-tickets/process-tickets.spec-type';

const AUTHOR_ZH: Record<string, string> = {
  'subsidiary-ops-head': '子公司运营负责人',
  'hq-pr-manager': '总部公关',
};

function subjectZh(subject: string): string {
  return (
    (REPEAT_CALL_SUBJECTS as Record<string, { zh: string }>)[subject]?.zh ??
    subject
  );
}

/** A short Chinese line per event; null where the label says it all. */
export function repeatCallerSummary(event: RepeatCallerEvent): string | null {
  switch (event.type) {
    case 'repeat-caller.call-recorded':
      // The phone is personal data: the subject and the issue stand for it.
      return `${subjectZh(event.data.subject)}：${event.data.issue}（承诺${event.data.promisedTimeframe}）`;
    case 'repeat-caller.call-closed':
      return event.data.resolution;
    case 'repeat-caller.calls-linked':
      return `第${event.data.callCount}次来电，关联 ${event.data.linkedCalls
        .map((c) => c.ticketNumber ?? c.ticketId)
        .join('、')}`;
    case 'repeat-caller.sensitive-issue-escalated':
      return null;
    case 'repeat-caller.calls-unlinked': {
      const withdrawal = event.data.withdrawal;
      const unlinked = `取消关联：${event.data.reason}`;
      return withdrawal
        ? `${unlinked}；剩余${withdrawal.callCount}次来电，不足${withdrawal.threshold}次，撤回上报`
        : unlinked;
    }
    case 'repeat-caller.recordings-reviewed':
      return `${event.data.recordings.length}段录音：${event.data.findings}`;
    case 'repeat-caller.incident-reported':
      return event.data.template.summary;
    case 'repeat-caller.incident-classified':
      return event.data.externalComplaint || event.data.mediaExposure
        ? '外部投诉或媒体曝光：同时报总部公关'
        : '非外部投诉或媒体曝光';
    case 'repeat-caller.handling-plan-drafted':
      return `${AUTHOR_ZH[event.data.author] ?? event.data.author}：${event.data.plan}`;
    case 'repeat-caller.handling-plans-approved':
      return event.data.comments ?? null;
    case 'repeat-caller.handling-plans-sent-back':
      return `退回重拟：${event.data.reason}`;
    case 'repeat-caller.user-called-back-with-plan':
      return event.data.contactOutcome === 'reached'
        ? '已告知用户处理方案'
        : '未能联系用户';
    case 'repeat-caller.follow-up-recorded':
      return `${event.data.resolved ? '已解决' : '跟进中'}：${event.data.note}`;
    case 'repeat-caller.result-notified':
      return event.data.summary;
    default:
      return null;
  }
}

const OUTCOMES: Partial<Record<RepeatCallerState['status'], string>> = {
  CALL_CLOSED: 'call-closed',
  CLOSED: 'resolved',
};

export const repeatCallerReadModel: ProcessReadModelSpec = {
  definition: repeatCallerProcess,
  tablePrefix: 'repeat_caller',
  summary: (event) => repeatCallerSummary(event as RepeatCallerEvent),
  headline: (anyState) => {
    const state = anyState as RepeatCallerState;
    if (!state.subject) return null;
    const subject = subjectZh(state.subject);
    return state.callCount > 1
      ? `${subject}·重复来电${state.callCount}次`
      : subject;
  },
  report: (anyState) => {
    const state = anyState as RepeatCallerState;
    return {
      outcome: OUTCOMES[state.status] ?? null,
      amountFen: null,
      facts: {
        subject: state.subject ?? null,
        callCount: state.callCount,
        linked: state.linkedTicketIds,
        externalOrMedia:
          state.externalComplaint === undefined
            ? null
            : state.externalComplaint || state.mediaExposure === true,
        plansSentBack: state.sentBackCount,
      },
    };
  },
};
