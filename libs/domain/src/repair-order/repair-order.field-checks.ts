import {
  checkFen,
  FieldChecks,
  isIsoInstant,
  isRecord,
  type DecisionContext,
} from '../shared';
import { checkPartCountsField } from '../repair-shop-book';
import {
  BRING_ITEMS,
  FLEET_CHANNELS,
  FLEET_PRIORITIES,
  PICKUP_METHODS,
  REPAIR_KINDS,
} from './repair-order.commands';

/** Checks of the payload shared by several commands. */
export function payloadChecks(payload: unknown) {
  const checks = new FieldChecks();
  const p = checks.record('payload', payload) ? payload : undefined;
  return { checks, p };
}

export function checkVehicleAndCustomer(
  checks: FieldChecks,
  p: Record<string, unknown>,
) {
  checks.nonBlank('payload.shopCode', p.shopCode);
  checks.oneOf('payload.kind', p.kind, REPAIR_KINDS);
  if (checks.record('payload.vehicle', p.vehicle)) {
    checks.nonBlank('payload.vehicle.plate', p.vehicle.plate);
    checks.nonBlank('payload.vehicle.model', p.vehicle.model);
  }
  if (checks.record('payload.customer', p.customer)) {
    checks.phoneNumber('payload.customer.phone', p.customer.phone);
    checks.optionalNonBlank('payload.customer.name', p.customer.name);
  }
  checks.nonBlank('payload.symptoms', p.symptoms);
  checks.optionalNonBlank(
    'payload.vehicleRepairTicketId',
    p.vehicleRepairTicketId,
  );
}

export function checkWhole(
  checks: FieldChecks,
  field: string,
  value: unknown,
  min: number,
  max: number,
): value is number {
  const ok =
    Number.isSafeInteger(value) &&
    (value as number) >= min &&
    (value as number) <= max;
  if (!ok) checks.fail(field, `must be a whole number from ${min} to ${max}`);
  return ok;
}

/** Absent, or part numbers with 1 to 1000 of each. */
export function checkPartCounts(
  checks: FieldChecks,
  field: string,
  value: unknown,
) {
  if (value === undefined) return;
  checkPartCountsField(checks, field, value, 1, 1000);
}

/** The booking's own fields (the slot is the book's to judge). */
export function checkBookingFields(
  checks: FieldChecks,
  p: Record<string, unknown>,
  context: DecisionContext,
) {
  checkVehicleAndCustomer(checks, p);
  if (p.kind === 'quick-repair') {
    checks.fail(
      'payload.kind',
      'quick repair (wear parts only) needs no appointment: come in directly',
    );
  }
  checks.isoInstant('payload.slotStart', p.slotStart);
  if (Array.isArray(p.bring)) {
    p.bring.forEach((item, i) =>
      checks.oneOf(`payload.bring.${i}`, item, BRING_ITEMS),
    );
  } else {
    checks.fail('payload.bring', 'must be a list of what to bring');
  }
  checkPartCounts(checks, 'payload.partsNeeded', p.partsNeeded);
  if (p.fleet === undefined) return;
  if (context.actor.role !== 'fleet-admin') {
    checks.fail('payload.fleet', 'only the fleet administrator sends one');
  }
  if (!checks.record('payload.fleet', p.fleet)) return;
  const f = p.fleet;
  checks.oneOf('payload.fleet.channel', f.channel, FLEET_CHANNELS);
  checks.nonBlank('payload.fleet.faultCategory', f.faultCategory);
  checks.oneOf('payload.fleet.priority', f.priority, FLEET_PRIORITIES);
  checks.nonBlank('payload.fleet.technicianId', f.technicianId);
  if (
    checks.isoInstant(
      'payload.fleet.expectedCompletionAt',
      f.expectedCompletionAt,
    ) &&
    isIsoInstant(p.slotStart) &&
    Date.parse(f.expectedCompletionAt) <= Date.parse(p.slotStart)
  ) {
    checks.fail(
      'payload.fleet.expectedCompletionAt',
      'must be after the appointment starts',
    );
  }
  checks.oneOf('payload.fleet.pickupMethod', f.pickupMethod, PICKUP_METHODS);
}

export function checkItems(checks: FieldChecks, field: string, value: unknown) {
  if (!Array.isArray(value) || value.length === 0) {
    checks.fail(field, 'must list at least one repair item');
    return;
  }
  value.forEach((item: unknown, i) => {
    const at = `${field}.${i}`;
    if (!checks.record(at, item)) return;
    checks.nonBlank(`${at}.code`, item.code);
    checks.nonBlank(`${at}.description`, item.description);
    checkFen(checks, `${at}.labourFen`, item.labourFen);
    checkFen(checks, `${at}.partsFen`, item.partsFen);
  });
}

export function isReservation(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.reservationId === 'string' &&
    typeof value.slotStart === 'string' &&
    typeof value.slotEnd === 'string'
  );
}
