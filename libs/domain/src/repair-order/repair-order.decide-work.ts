import type { DecisionContext } from '../shared';
import type {
  CompleteSelfCheck,
  IssueWorkOrder,
  ProposeRepairChange,
  RecordChangeDecision,
  RecordQualityInspection,
  ReportRepairProgress,
} from './repair-order.commands';
import { repairOrderEvent as event } from './repair-order.event-factory';
import type { RepairOrderEvent } from './repair-order.events';
import {
  checkItems,
  checkPartCounts,
  payloadChecks,
} from './repair-order.field-checks';
import { itemsFen } from './repair-order.items-fen';
import type { RepairOrderState } from './repair-order.state';

export function decideWorkOrder(
  command: IssueWorkOrder,
  state: RepairOrderState,
  context: DecisionContext,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.technicianId', p.technicianId);
    checkPartCounts(checks, 'payload.partsToOrder', p.partsToOrder);
  }
  checks.throwIfAny(command.type);
  const booked = state.appointment?.partsToOrder ?? {};
  return [
    event('repair-order.work-order-issued', {
      workOrderNumber: (state.ticketNumber ?? command.ticketId).replace(
        /^RO-/,
        'WO-',
      ),
      technicianId: command.payload.technicianId,
      issuedAt: context.now,
      items: state.items,
      partsReserved: state.appointment?.partsReserved ?? {},
      partsToOrder: { ...booked, ...(command.payload.partsToOrder ?? {}) },
    }),
  ];
}

export function decideProgress(
  command: ReportRepairProgress,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.progress', p.progress);
    checks.boolean('payload.customerTold', p.customerTold);
  }
  checks.throwIfAny(command.type);
  const { progress, customerTold } = command.payload;
  return [
    event('repair-order.repair-progress-reported', { progress, customerTold }),
  ];
}

export function decideChange(command: ProposeRepairChange): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.reason', p.reason);
    checkItems(checks, 'payload.addedItems', p.addedItems);
  }
  checks.throwIfAny(command.type);
  const { reason, addedItems } = command.payload;
  return [
    event('repair-order.repair-change-proposed', {
      reason,
      addedItems,
      addedFen: itemsFen(addedItems),
    }),
  ];
}

export function decideChangeDecision(
  command: RecordChangeDecision,
  state: RepairOrderState,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.boolean('payload.agreed', p.agreed);
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);
  const change = state.pendingChange ?? { addedItems: [], addedFen: 0 };
  const { agreed, note } = command.payload;
  return [
    agreed
      ? event('repair-order.repair-change-agreed', { ...change, note })
      : event('repair-order.repair-change-declined', { note }),
  ];
}

export function decideSelfCheck(
  command: CompleteSelfCheck,
  context: DecisionContext,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.nonBlank('payload.note', p.note);
  checks.throwIfAny(command.type);
  return [
    event('repair-order.self-check-completed', {
      note: command.payload.note,
      at: context.now,
    }),
  ];
}

export function decideInspection(
  command: RecordQualityInspection,
  context: DecisionContext,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.boolean('payload.passed', p.passed);
    checks.nonBlank('payload.findings', p.findings);
  }
  checks.throwIfAny(command.type);
  const { passed, findings } = command.payload;
  return [
    passed
      ? event('repair-order.quality-inspection-passed', {
          findings,
          at: context.now,
        })
      : event('repair-order.quality-inspection-failed', {
          findings,
          at: context.now,
        }),
  ];
}
