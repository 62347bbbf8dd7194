import { checkFen, type DecisionContext } from '../shared';
import type {
  ArchiveRepairOrder,
  DeliverVehicle,
  RaiseFeeDispute,
  RecordSatisfactionSurvey,
  ResolveFeeDispute,
  SettleRepairCosts,
} from './repair-order.commands';
import { RepairCostListMismatchError } from './repair-order.errors';
import { repairWarrantyEndsAt } from './repair-order.calendar';
import { repairOrderEvent as event } from './repair-order.event-factory';
import type { RepairOrderEvent } from './repair-order.events';
import { checkWhole, payloadChecks } from './repair-order.field-checks';
import type { RepairOrderRules } from './repair-order.rules';
import { stageMinutesOf } from './repair-order.stage-minutes';
import { agreedItemsFen, type RepairOrderState } from './repair-order.state';

/**
 * G8 §7: the cost list is checked against what the customer agreed to —
 * the items' parts and labour, or the total a fee dispute settled on.
 */
export function decideSettle(
  command: SettleRepairCosts,
  state: RepairOrderState,
  context: DecisionContext,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checkFen(checks, 'payload.partsFen', p.partsFen);
    checkFen(checks, 'payload.labourFen', p.labourFen);
    checkFen(checks, 'payload.otherFen', p.otherFen);
    checks.nonBlank('payload.invoiceTitle', p.invoiceTitle);
  }
  checks.throwIfAny(command.type);
  const { partsFen, labourFen, otherFen, invoiceTitle } = command.payload;
  const totalFen = partsFen + labourFen + otherFen;
  const agreedTotal = state.dispute?.agreedTotalFen;
  const agreed = agreedItemsFen(state);
  const matches =
    agreedTotal !== undefined
      ? totalFen === agreedTotal
      : partsFen === agreed.partsFen && labourFen === agreed.labourFen;
  if (!matches) {
    throw new RepairCostListMismatchError(
      command.ticketId,
      agreedTotal !== undefined ? { totalFen: agreedTotal } : agreed,
      { partsFen, labourFen, totalFen },
    );
  }
  return [
    event('repair-order.repair-costs-settled', {
      partsFen,
      labourFen,
      otherFen,
      totalFen,
      settledAt: context.now,
    }),
    event('repair-order.repair-invoice-issued', {
      // TODO(#13): ask the tax invoice service for the number; none is
      // connected, so the invoice is numbered after the repair order.
      invoiceNo: (state.ticketNumber ?? command.ticketId).replace(
        /^RO-/,
        'RI-',
      ),
      invoiceTitle,
      totalFen,
    }),
  ];
}

export function decideDispute(command: RaiseFeeDispute): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.reason', p.reason);
    checkFen(checks, 'payload.disputedFen', p.disputedFen, { positive: true });
  }
  checks.throwIfAny(command.type);
  const { reason, disputedFen } = command.payload;
  return [event('repair-order.fee-dispute-raised', { reason, disputedFen })];
}

export function decideResolve(command: ResolveFeeDispute): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.resolution', p.resolution);
    checkFen(checks, 'payload.agreedTotalFen', p.agreedTotalFen);
  }
  checks.throwIfAny(command.type);
  const { resolution, agreedTotalFen } = command.payload;
  return [
    event('repair-order.fee-dispute-resolved', { resolution, agreedTotalFen }),
  ];
}

export function decideDeliver(
  command: DeliverVehicle,
  context: DecisionContext,
  rules: RepairOrderRules,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.slipSignedBy', p.slipSignedBy);
    if (checks.boolean('payload.cleaned', p.cleaned) && p.cleaned !== true) {
      checks.fail('payload.cleaned', 'the vehicle is cleaned before hand-over');
    }
  }
  checks.throwIfAny(command.type);
  return [
    event('repair-order.repair-slip-signed', {
      signedBy: command.payload.slipSignedBy,
    }),
    event('repair-order.vehicle-delivered', {
      deliveredAt: context.now,
      cleaned: true,
      warrantyUntil: repairWarrantyEndsAt(context.now, rules.warrantyDays),
    }),
  ];
}

export function decideSurvey(
  command: RecordSatisfactionSurvey,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checkWhole(checks, 'payload.score', p.score, 1, 5);
    checks.optionalString('payload.comment', p.comment);
  }
  checks.throwIfAny(command.type);
  const { score, comment } = command.payload;
  return [event('repair-order.satisfaction-surveyed', { score, comment })];
}

export function decideArchive(
  command: ArchiveRepairOrder,
  state: RepairOrderState,
  context: DecisionContext,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.optionalString('payload.note', p.note);
  checks.throwIfAny(command.type);
  return [
    event('repair-order.repair-order-archived', {
      archivedAt: context.now,
      plate: state.vehicle?.plate ?? '',
      comeback: state.comeback !== undefined,
      stageMinutes: stageMinutesOf(state, context.now),
      note: command.payload.note,
    }),
  ];
}
