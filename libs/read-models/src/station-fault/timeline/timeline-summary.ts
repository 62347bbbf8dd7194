import {
  ROLES,
  STATION_FAULT_STATES,
  type FinalStatus,
  type StationFaultEvent,
  type StationFaultStatus,
} from '@opsdesk/domain';
import { shanghaiTime } from '@opsdesk/platform';

const FINAL_STATUS_ZH: Record<FinalStatus, string> = {
  'cleared-by-inspector': '巡检排除',
  'repaired-by-supplier': '供应商修复',
  'repaired-by-ops-team': '运维修复',
};

function note(text: string | undefined): string | null {
  return text ? `备注：${text}` : null;
}

function automatic(mode: string, what: string): string {
  return mode === 'automatic' ? `（自动${what}）` : '';
}

/**
 * Exhaustive for today's types; a type stored by a newer writer reaches
 * here at run time and simply gets no summary.
 */
function noSummary(_newer: never): null {
  return null;
}

/** `超时：待调度派发（时限 2025/09/30 10:00:00）`, the step by its label. */
export function deadlineSummary(
  data: { level: string; deadlineAt: string; priorityRaisedTo?: string },
  stepLabel: string,
): string {
  const limit = `时限 ${shanghaiTime(data.deadlineAt)}`;
  if (data.level !== 'breach') return `预警：${stepLabel}（${limit}）`;
  const raised = data.priorityRaisedTo
    ? `，优先级升为 ${data.priorityRaisedTo}`
    : '';
  return `超时：${stepLabel}（${limit}${raised}）`;
}

/**
 * A short Chinese line for the timeline, e.g. `派发至 rp-pudong`; null
 * where the label says it all. Unknown (newer) types get none.
 */
export function timelineSummary(event: StationFaultEvent): string | null {
  switch (event.type) {
    case 'station-fault.call-received': {
      const { type, name } = event.data.reporter;
      const who = ROLES[type]?.zh ?? type;
      return name ? `${who}来电（${name}）` : `${who}来电`;
    }
    case 'station-fault.fault-recorded': {
      const { station, faultDescription, suspectedChargingPile } = event.data;
      const pile = suspectedChargingPile ? '（疑似充电桩问题）' : '';
      return `${station.name}：${faultDescription}${pile}`;
    }
    case 'station-fault.task-created':
      return note(event.data.note);
    case 'station-fault.dispatched-to-region': {
      const { regionalPlatformId, decision } = event.data;
      return `派发至 ${regionalPlatformId}${automatic(decision.mode, '路由')}`;
    }
    case 'station-fault.inspection-assigned': {
      const { inspectorId, decision } = event.data;
      return `指派巡检 ${inspectorId}${automatic(decision.mode, '指派')}`;
    }
    case 'station-fault.inspector-arrived':
      return `到场 ${shanghaiTime(event.data.arrivedAt)}`;
    case 'station-fault.fault-cleared-by-inspector':
      return `已排除：${event.data.resolutionNote}`;
    case 'station-fault.fault-not-cleared':
      return `未排除：${event.data.reasonNotFixed}`;
    case 'station-fault.unresolved-reported-to-dispatch':
    case 'station-fault.escalated-to-station-manager':
      return note(event.data.note);
    case 'station-fault.ops-task-assigned':
      return `指派运维团队 ${event.data.opsTeamId}`;
    case 'station-fault.fault-classified': {
      const { isChargingPileIssue, chargingPileId } = event.data;
      if (!isChargingPileIssue) return '非充电桩问题';
      return chargingPileId ? `充电桩问题（${chargingPileId}）` : '充电桩问题';
    }
    case 'station-fault.supplier-dispatched': {
      const { supplierId, chargingPileId } = event.data;
      return `指派供应商 ${supplierId}（充电桩 ${chargingPileId}）`;
    }
    case 'station-fault.on-site-repair-started':
      return `关联维修工单 ${event.data.repairTicketId}`;
    case 'station-fault.supplier-handling-completed':
    case 'station-fault.ops-repair-completed': {
      const { outcome, result } = event.data;
      return `${outcome === 'fixed' ? '已修复' : '未修复'}：${result}`;
    }
    case 'station-fault.result-reported-to-station-manager':
      return `结果：${event.data.result}`;
    case 'station-fault.result-notified-to-customer-service': {
      const { finalStatus, resultSummary } = event.data;
      const status = FINAL_STATUS_ZH[finalStatus] ?? finalStatus;
      return `${status}：${resultSummary}`;
    }
    case 'station-fault.reporter-informed': {
      const { contactOutcome } = event.data;
      const told =
        contactOutcome === 'reached' ? '已告知报修方' : '未能联系报修方';
      return event.data.note ? `${told}（${event.data.note}）` : told;
    }
    case 'station-fault.ticket-closed':
      return null;
    case 'station-fault.deadline-warned':
    case 'station-fault.deadline-breached':
      return deadlineSummary(
        event.data,
        STATION_FAULT_STATES[event.data.step as StationFaultStatus]?.zh ??
          event.data.step,
      );
    default:
      return noSummary(event);
  }
}
