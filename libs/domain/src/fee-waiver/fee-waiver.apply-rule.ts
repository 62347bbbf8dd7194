import { checkFen, type FieldChecks } from '../shared';
import type { RequestWaiver } from './fee-waiver.commands';
import type {
  NotWaivedReason,
  WaiverOutcome,
  WaiverRuleInputs,
} from './fee-waiver.events';
import { WAIVER_METHODS, type WaiverRuleRow } from './fee-waiver.rule-table';

const MINUTE_MS = 60_000;

export interface WaiverDecisionDraft {
  inputs: WaiverRuleInputs;
  outcome: WaiverOutcome;
  waiverFen: number;
  chargeUntil?: string;
  notWaivedReason?: NotWaivedReason;
}

type Request = RequestWaiver['payload'];

function requiredBy(row: WaiverRuleRow): string {
  return `is required by row ${row.row} (${WAIVER_METHODS[row.method].zh})`;
}

/**
 * Checks the inputs the row's method needs; each missing or bad one is a
 * problem on `checks`. The caller throws if any were found.
 */
export function checkRuleInputs(
  checks: FieldChecks,
  row: WaiverRuleRow,
  p: Record<string, unknown>,
  now: string,
): void {
  const fee = p.orderFeeFen;
  switch (row.method) {
    case 'full':
      return;
    case 'full-if-vehicle-unused':
      if (typeof p.vehicleUsed !== 'boolean') {
        checks.fail('payload.vehicleUsed', requiredBy(row));
      }
      return;
    case 'waive-from-call-time': {
      if (p.feeUntilCallFen === undefined) {
        checks.fail('payload.feeUntilCallFen', requiredBy(row));
      } else if (
        checkFen(checks, 'payload.feeUntilCallFen', p.feeUntilCallFen) &&
        typeof fee === 'number' &&
        p.feeUntilCallFen > fee
      ) {
        checks.fail('payload.feeUntilCallFen', 'must not exceed orderFeeFen');
      }
      if (row.moveWithinMinutes === undefined) return;
      if (p.carMovedAt === undefined) {
        checks.fail('payload.carMovedAt', requiredBy(row));
      } else if (checks.isoInstant('payload.carMovedAt', p.carMovedAt)) {
        const moved = Date.parse(p.carMovedAt);
        if (typeof p.callTime === 'string' && moved < Date.parse(p.callTime)) {
          checks.fail('payload.carMovedAt', 'must not be before callTime');
        } else if (moved > Date.parse(now)) {
          checks.fail(
            'payload.carMovedAt',
            'must not be after the decision time',
          );
        }
      }
      return;
    }
    case 'discretionary':
      if (p.proposedWaiverFen === undefined) {
        checks.fail('payload.proposedWaiverFen', requiredBy(row));
      } else if (
        checkFen(checks, 'payload.proposedWaiverFen', p.proposedWaiverFen, {
          positive: true,
        }) &&
        typeof fee === 'number' &&
        p.proposedWaiverFen > fee
      ) {
        checks.fail('payload.proposedWaiverFen', 'must not exceed orderFeeFen');
      }
      if (!(typeof p.reason === 'string' && p.reason.trim())) {
        checks.fail('payload.reason', requiredBy(row));
      }
      return;
    default: {
      const unknown: never = row.method;
      throw new Error(`Unknown waiver method: ${String(unknown)}`);
    }
  }
}

/** What the row decides for a request whose inputs passed the checks. */
export function applyWaiverRule(
  row: WaiverRuleRow,
  request: Request,
): WaiverDecisionDraft {
  const fee = request.orderFeeFen;
  switch (row.method) {
    case 'full':
      return { inputs: {}, outcome: 'waive', waiverFen: fee };
    case 'full-if-vehicle-unused': {
      const vehicleUsed = request.vehicleUsed as boolean;
      // P17 does not say what a used vehicle gets; the reading taken is
      // no waiver under this row.
      return vehicleUsed
        ? {
            inputs: { vehicleUsed },
            outcome: 'not-waived',
            waiverFen: 0,
            notWaivedReason: 'vehicle-used',
          }
        : { inputs: { vehicleUsed }, outcome: 'waive', waiverFen: fee };
    }
    case 'waive-from-call-time': {
      const feeUntilCallFen = request.feeUntilCallFen as number;
      const inputs: WaiverRuleInputs = { feeUntilCallFen };
      if (row.moveWithinMinutes !== undefined) {
        const carMovedAt = new Date(request.carMovedAt as string).toISOString();
        const elapsed = Date.parse(carMovedAt) - Date.parse(request.callTime);
        inputs.carMovedAt = carMovedAt;
        inputs.minutesToMove = Math.floor(elapsed / MINUTE_MS);
        // 超过半小时正常收费: beyond the limit nothing is waived. Exactly
        // at the limit is not beyond it.
        if (elapsed > row.moveWithinMinutes * MINUTE_MS) {
          return {
            inputs,
            outcome: 'not-waived',
            waiverFen: 0,
            notWaivedReason: 'moved-after-limit',
          };
        }
      }
      const waiverFen = fee - feeUntilCallFen;
      const chargeUntil = new Date(request.callTime).toISOString();
      return waiverFen === 0
        ? {
            inputs,
            outcome: 'not-waived',
            waiverFen: 0,
            chargeUntil,
            notWaivedReason: 'nothing-after-call',
          }
        : { inputs, outcome: 'waive', waiverFen, chargeUntil };
    }
    case 'discretionary': {
      const proposedWaiverFen = request.proposedWaiverFen as number;
      return {
        inputs: { proposedWaiverFen },
        outcome: 'needs-approval',
        waiverFen: proposedWaiverFen,
      };
    }
    default: {
      const unknown: never = row.method;
      throw new Error(`Unknown waiver method: ${String(unknown)}`);
    }
  }
}
