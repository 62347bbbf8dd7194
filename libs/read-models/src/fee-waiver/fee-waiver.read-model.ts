import {
  feeWaiverProcess,
  WAIVER_METHODS,
  waiverRuleTableProcess,
  yuanLabel,
  type FeeWaiverEvent,
  type FeeWaiverState,
  type NotWaivedReason,
  type WaiverRuleTableEvent,
  type WaiverRuleTableState,
} from '@opsdesk/domain';
import { shanghaiTime } from '@opsdesk/platform';
import type { ProcessReadModelSpec } from '../process-tickets/process-tickets.spec-type';

const NOT_WAIVED_ZH: Record<NotWaivedReason, string> = {
  'vehicle-used': '车辆已使用',
  'moved-after-limit': '超过时限移车，正常收费',
  'nothing-after-call': '来电后无费用',
};

/** A short Chinese line per event; the rule line names the deciding row. */
export function feeWaiverSummary(event: FeeWaiverEvent): string | null {
  switch (event.type) {
    case 'fee-waiver.requested':
      return `订单 ${event.data.orderId}，费用 ${yuanLabel(event.data.orderFeeFen)}，类别 ${event.data.caseCode}`;
    case 'fee-waiver.rule-applied': {
      const { table, row, outcome, waiverFen, notWaivedReason } = event.data;
      const rule = `${table.version} 第${row.row}行 ${row.category}${row.description ? `（${row.description}）` : ''}：${WAIVER_METHODS[row.method].zh}`;
      if (outcome === 'waive') return `${rule} → 减免 ${yuanLabel(waiverFen)}`;
      if (outcome === 'needs-approval') {
        return `${rule} → 拟减免 ${yuanLabel(waiverFen)}，待主管审批`;
      }
      const why = notWaivedReason ? NOT_WAIVED_ZH[notWaivedReason] : '';
      return `${rule} → 不减免（${why}）`;
    }
    case 'fee-waiver.discretionary-approved':
      return `批准减免 ${yuanLabel(event.data.approvedWaiverFen)}`;
    case 'fee-waiver.discretionary-rejected':
      return `原因：${event.data.reason}`;
    case 'fee-waiver.waiver-applied':
      return `已减免 ${yuanLabel(event.data.waivedFen)}（${event.data.billingReference}）`;
    default:
      return null;
  }
}

const OUTCOMES: Record<FeeWaiverState['status'], string | null> = {
  NEW: null,
  AWAITING_APPROVAL: 'awaiting-approval',
  WAIVER_GRANTED: 'granted',
  CLOSED_WAIVED: 'waived',
  CLOSED_NOT_WAIVED: 'not-waived',
  CLOSED_REJECTED: 'rejected',
};

export const feeWaiverReadModel: ProcessReadModelSpec = {
  definition: feeWaiverProcess,
  tablePrefix: 'fee_waiver',
  summary: (event) => feeWaiverSummary(event as FeeWaiverEvent),
  headline: (anyState) => {
    const state = anyState as FeeWaiverState;
    if (!state.orderId) return null;
    const rule = state.decision
      ? ` · ${state.decision.tableVersion} 第${state.decision.row}行`
      : '';
    return `订单 ${state.orderId}${rule}`;
  },
  report: (anyState) => {
    const state = anyState as FeeWaiverState;
    const d = state.decision;
    return {
      outcome: OUTCOMES[state.status],
      amountFen: state.waivedFen ?? state.grantedFen ?? null,
      facts: {
        caseCode: state.caseCode ?? null,
        tableVersion: d?.tableVersion ?? null,
        row: d?.row ?? null,
        method: d?.method ?? null,
        ruleOutcome: d?.outcome ?? null,
        notWaivedReason: d?.notWaivedReason ?? null,
        orderFeeFen: state.orderFeeFen ?? null,
      },
    };
  },
};

export function waiverRuleTableSummary(
  event: WaiverRuleTableEvent,
): string | null {
  const { version, effectiveFrom, rows } = event.data;
  return `${version}（${rows.length}行），${shanghaiTime(effectiveFrom)} 起生效`;
}

export const waiverRuleTableReadModel: ProcessReadModelSpec = {
  definition: waiverRuleTableProcess,
  tablePrefix: 'waiver_rule_table',
  summary: (event) => waiverRuleTableSummary(event as WaiverRuleTableEvent),
  headline: (anyState) => {
    const versions = (anyState as WaiverRuleTableState).versions;
    const last = versions[versions.length - 1];
    return last ? `最新版本 ${last.version}` : null;
  },
  report: (anyState) => ({
    outcome: null,
    amountFen: null,
    facts: { versions: (anyState as WaiverRuleTableState).versions.length },
  }),
};
