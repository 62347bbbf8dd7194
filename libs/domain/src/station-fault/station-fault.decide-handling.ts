import { FieldChecks, type DecisionContext } from '../shared';
import type {
  ClassifyFault,
  CompleteOpsRepair,
  CompleteSupplierHandling,
} from './station-fault.commands';
import { HANDLING_OUTCOMES, payloadOf } from './station-fault.common-checks';
import { stationFaultEvent } from './station-fault.event-factory';
import type { StationFaultEvent } from './station-fault.events';

/** 4.10, decision D2: is it a charging-pile problem? */
export function decideClassifyFault(
  command: ClassifyFault,
): StationFaultEvent[] {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (
    p &&
    checks.boolean('payload.isChargingPileIssue', p.isChargingPileIssue)
  ) {
    if (p.isChargingPileIssue) {
      checks.nonBlank('payload.supplierId', p.supplierId);
      checks.nonBlank('payload.chargingPileId', p.chargingPileId);
    } else {
      checks.nonBlank('payload.repairTicketId', p.repairTicketId);
    }
  }
  checks.throwIfAny(command.type);

  const decision = command.payload;
  if (decision.isChargingPileIssue) {
    const { supplierId, chargingPileId } = decision;
    return [
      stationFaultEvent('station-fault.fault-classified', {
        isChargingPileIssue: true,
        chargingPileId,
      }),
      stationFaultEvent('station-fault.supplier-dispatched', {
        supplierId,
        chargingPileId,
      }),
    ];
  }
  return [
    stationFaultEvent('station-fault.fault-classified', {
      isChargingPileIssue: false,
    }),
    // 网点维修与维护流程 is linked by the id of its ticket.
    stationFaultEvent('station-fault.on-site-repair-started', {
      repairTicketId: decision.repairTicketId,
    }),
  ];
}

function checkCompletion(command: { type: string; payload: unknown }): void {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (p) {
    checks.oneOf('payload.outcome', p.outcome, HANDLING_OUTCOMES);
    checks.nonBlank('payload.result', p.result);
  }
  checks.throwIfAny(command.type);
}

/** Gap G-a: the supplier reports the outcome to operations. */
export function decideCompleteSupplierHandling(
  command: CompleteSupplierHandling,
  context: DecisionContext,
): StationFaultEvent[] {
  checkCompletion(command);

  const { outcome, result } = command.payload;
  return [
    stationFaultEvent('station-fault.supplier-handling-completed', {
      outcome,
      result,
      completedAt: context.now,
    }),
  ];
}

/** Operations finished their own repair. */
export function decideCompleteOpsRepair(
  command: CompleteOpsRepair,
  context: DecisionContext,
): StationFaultEvent[] {
  checkCompletion(command);

  const { outcome, result } = command.payload;
  return [
    stationFaultEvent('station-fault.ops-repair-completed', {
      outcome,
      result,
      completedAt: context.now,
    }),
  ];
}
