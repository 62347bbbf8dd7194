import {
  centreEmergencyProcess,
  FAULT_TYPE_LABELS,
  pendingFollowUp,
  type CentreEmergencyEvent,
  type CentreEmergencyState,
} from '@opsdesk/domain';
import { shanghaiTime } from '@opsdesk/platform';
import type { ProcessReadModelSpec } from '../process-tickets/process-tickets.spec-type';

/** A short Chinese line per event; null where the label says it all. */
export function centreEmergencySummary(
  event: CentreEmergencyEvent,
): string | null {
  switch (event.type) {
    case 'centre-emergency.fault-logged': {
      const d = event.data;
      const notice = d.advanceNotice ? '已提前通知' : '未提前通知';
      return `${FAULT_TYPE_LABELS[d.faultType].zh}（${notice}）：${d.description}`;
    }
    case 'centre-emergency.repair-eta-confirmed':
      return `预计 ${shanghaiTime(event.data.eta)} 修复（${event.data.techContact}）`;
    case 'centre-emergency.all-hands-on-phones':
    case 'centre-emergency.online-staff-lent':
    case 'centre-emergency.next-shift-called-in-early':
    case 'centre-emergency.support-staff-deployed':
      return event.data.staff.join('、');
    case 'centre-emergency.two-managers-designated':
      return event.data.managers.join('、');
    case 'centre-emergency.handwritten-request-recorded':
      // The customer's phone is personal data: the line names the entry only.
      return `${event.data.entryId}：${event.data.request}`;
    case 'centre-emergency.missed-call-recorded':
      return `${event.data.callId}：${shanghaiTime(event.data.calledAt)} 来电未接`;
    case 'centre-emergency.reported-to-cs-manager':
      return `非工作日 ${event.data.day}`;
    case 'centre-emergency.fault-resolved':
      return `原因：${event.data.cause}`;
    case 'centre-emergency.task-backfilled':
      return `${event.data.entryId}：${event.data.task}`;
    case 'centre-emergency.missed-call-called-back':
      return `${event.data.callId}：${event.data.outcome === 'reached' ? '已回拨接通' : '回拨未接通'}`;
    case 'centre-emergency.deferred-requests-processed':
      return `处理 ${event.data.handled} 件`;
    case 'centre-emergency.emergency-closed':
      return event.data.summary;
    case 'centre-emergency.ticket-linked':
    case 'centre-emergency.ticket-unlinked':
      return `${event.data.processId} ${event.data.ticketId}`;
    default:
      return null;
  }
}

const OUTCOMES: Partial<Record<CentreEmergencyState['status'], string>> = {
  CLOSED_EMERGENCY_MECHANISM: 'emergency-mechanism',
  CLOSED_RESOLVED: 'resolved',
};

export const centreEmergencyReadModel: ProcessReadModelSpec = {
  definition: centreEmergencyProcess,
  tablePrefix: 'centre_emergency',
  summary: (event) => centreEmergencySummary(event as CentreEmergencyEvent),
  headline: (anyState) => {
    const state = anyState as CentreEmergencyState;
    return state.faultType ? FAULT_TYPE_LABELS[state.faultType].zh : null;
  },
  report: (anyState) => {
    const state = anyState as CentreEmergencyState;
    const pending = pendingFollowUp(state);
    return {
      outcome: OUTCOMES[state.status] ?? null,
      amountFen: null,
      facts: {
        faultType: state.faultType ?? null,
        advanceNotice: state.advanceNotice ?? null,
        handwrittenEntries: state.handwritten.length,
        entriesNotBackfilled: pending.pendingEntries.length,
        missedCalls: state.missedCalls.length,
        callsNotCalledBack: pending.pendingCalls.length,
        linkedTickets: state.linkedTickets.length,
      },
    };
  },
};
