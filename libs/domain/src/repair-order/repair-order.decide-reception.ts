import type { DecisionContext } from '../shared';
// Whole Shanghai calendar days from one instant's day to another's.
import { shanghaiDaysBetween } from '../invoice/invoice.rules';
import type {
  ComebackMatch,
  ReceiveBookedVehicle,
  RegisterWalkIn,
  SignRepairAuthorisation,
} from './repair-order.commands';
import { repairWarrantyEndsAt } from './repair-order.calendar';
import { repairOrderEvent as event } from './repair-order.event-factory';
import type { RepairOrderEvent } from './repair-order.events';
import {
  checkItems,
  checkVehicleAndCustomer,
  checkWhole,
  payloadChecks,
} from './repair-order.field-checks';
import { itemsFen } from './repair-order.items-fen';
import type { RepairOrderRules } from './repair-order.rules';

function comebackEvent(
  match: ComebackMatch | null | undefined,
  context: DecisionContext,
  rules: RepairOrderRules,
): RepairOrderEvent[] {
  if (!match) return [];
  // Shanghai calendar days, as the customer counts them.
  const days = shanghaiDaysBetween(match.deliveredAt, context.now);
  if (days < 0 || days > rules.comebackDays) return [];
  // The earlier repair's own warranty, as it was given at its delivery.
  const warrantyUntil =
    match.warrantyUntil ??
    repairWarrantyEndsAt(match.deliveredAt, rules.warrantyDays);
  return [
    event('repair-order.comeback-flagged', {
      previousTicketId: match.previousTicketId,
      previousTicketNumber: match.previousTicketNumber,
      deliveredAt: match.deliveredAt,
      daysSinceDelivery: days,
      withinWarranty: Date.parse(context.now) < Date.parse(warrantyUntil),
    }),
  ];
}

export function decideWalkIn(
  command: RegisterWalkIn,
  context: DecisionContext,
  rules: RepairOrderRules,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.ticketNumber', p.ticketNumber);
    checkVehicleAndCustomer(checks, p);
    checks.nonBlank('payload.preliminaryDiagnosis', p.preliminaryDiagnosis);
  }
  checks.throwIfAny(command.type);
  const p2 = command.payload;
  return [
    event('repair-order.walk-in-registered', {
      ticketNumber: p2.ticketNumber,
      subsidiaryId: context.actor.subsidiary,
      shopCode: p2.shopCode,
      kind: p2.kind,
      vehicle: { plate: p2.vehicle.plate, model: p2.vehicle.model },
      customer:
        p2.customer.name === undefined
          ? { phone: p2.customer.phone }
          : { phone: p2.customer.phone, name: p2.customer.name },
      symptoms: p2.symptoms,
      preliminaryDiagnosis: p2.preliminaryDiagnosis,
      vehicleRepairTicketId: p2.vehicleRepairTicketId,
    }),
    ...comebackEvent(p2.comeback, context, rules),
    // G5 §2: periodic or mechanical → a receptionist; quick → the team.
    event('repair-order.vehicle-received', {
      receivedAt: context.now,
      by:
        p2.kind === 'quick-repair'
          ? 'repair-quick-team'
          : 'repair-shop-receptionist',
      withAppointment: false,
    }),
  ];
}

export function decideReceive(
  command: ReceiveBookedVehicle,
  context: DecisionContext,
  rules: RepairOrderRules,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p && p.mileageKm !== undefined) {
    checkWhole(checks, 'payload.mileageKm', p.mileageKm, 0, 5_000_000);
  }
  checks.throwIfAny(command.type);
  return [
    ...comebackEvent(command.payload.comeback, context, rules),
    event('repair-order.vehicle-received', {
      receivedAt: context.now,
      by: 'repair-shop-receptionist',
      withAppointment: true,
      mileageKm: command.payload.mileageKm,
    }),
  ];
}

export function decideAuthorisation(
  command: SignRepairAuthorisation,
  context: DecisionContext,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.signedBy', p.signedBy);
    checks.nonBlank('payload.engineNumber', p.engineNumber);
    if (checks.record('payload.fault', p.fault)) {
      checks.nonBlank('payload.fault.symptom', p.fault.symptom);
      checks.nonBlank('payload.fault.location', p.fault.location);
      checks.optionalNonBlank('payload.fault.cause', p.fault.cause);
    }
    checks.nonBlank('payload.historyNote', p.historyNote);
    checkItems(checks, 'payload.items', p.items);
    if (
      checks.isoInstant('payload.promisedAt', p.promisedAt) &&
      Date.parse(p.promisedAt) <= Date.parse(context.now)
    ) {
      checks.fail('payload.promisedAt', 'must be after now');
    }
  }
  checks.throwIfAny(command.type);
  const { signedBy, engineNumber, fault, historyNote, items, promisedAt } =
    command.payload;
  return [
    event('repair-order.vehicle-records-registered', {
      engineNumber,
      fault,
      historyNote,
    }),
    event('repair-order.repair-authorisation-signed', {
      signedBy,
      signedAt: context.now,
      items,
      estimateFen: itemsFen(items),
      promisedAt: new Date(promisedAt).toISOString(),
    }),
  ];
}
