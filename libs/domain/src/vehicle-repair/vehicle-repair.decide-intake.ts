import { checkFen, type DecisionContext } from '../shared';
import type {
  DiagnoseFault,
  DispatchRescue,
  ReceiveVehicle,
  RecordTowedIn,
  ReportVehicleFault,
} from './vehicle-repair.commands';
import { VehicleRepairPlateMismatchError } from './vehicle-repair.errors';
import { vehicleRepairEvent as event } from './vehicle-repair.event-factory';
import type { VehicleRepairEvent } from './vehicle-repair.events';
import {
  optionalCount,
  payloadChecks,
  plateKey,
} from './vehicle-repair.payload-checks';
import type { VehicleRepairState } from './vehicle-repair.state';

const PAYERS = ['member', 'fleet'] as const;
const FAULT_CLASSES = ['ordinary', 'difficult', 'major'] as const;

/** G1 1–2, G4 2.3 / 3.2: the driver's report, taken by the agent. */
export function decideReport(
  command: ReportVehicleFault,
  context: DecisionContext,
): VehicleRepairEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    for (const field of [
      'ticketNumber',
      'memberId',
      'plate',
      'description',
      'location',
      'emergencyMeasures',
    ] as const) {
      checks.nonBlank(`payload.${field}`, p[field]);
    }
    if (checks.record('payload.caller', p.caller)) {
      checks.phoneNumber('payload.caller.phone', p.caller.phone);
      checks.optionalString('payload.caller.name', p.caller.name);
    }
    checks.pastInstant('payload.occurredAt', p.occurredAt, context.now);
    checks.boolean('payload.canMove', p.canMove);
    // The fleet that pays is named; a member's own repair names none.
    if (checks.oneOf('payload.payer', p.payer, PAYERS)) {
      if (p.payer === 'fleet') checks.nonBlank('payload.fleetId', p.fleetId);
      else checks.absent('payload.fleetId', p.fleetId, 'when the member pays');
    }
  }
  checks.throwIfAny(command.type);

  const d = command.payload;
  return [
    event('vehicle-repair.reported', {
      ticketNumber: d.ticketNumber,
      subsidiaryId: context.actor.subsidiary,
      memberId: d.memberId,
      plate: d.plate,
      caller:
        d.caller.name === undefined
          ? { phone: d.caller.phone }
          : { phone: d.caller.phone, name: d.caller.name },
      description: d.description,
      occurredAt: new Date(d.occurredAt).toISOString(),
      location: d.location,
      emergencyMeasures: d.emergencyMeasures,
      canMove: d.canMove,
      payer: d.payer,
      fleetId: d.fleetId,
    }),
  ];
}

/** G1 3: the shop sends a rescue vehicle for a car that cannot move. */
export function decideDispatchRescue(
  command: DispatchRescue,
): VehicleRepairEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.rescueVehicle', p.rescueVehicle);
    if (p.expectedArrivalAt !== undefined) {
      checks.isoInstant('payload.expectedArrivalAt', p.expectedArrivalAt);
    }
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);

  const { rescueVehicle, expectedArrivalAt, note } = command.payload;
  return [
    event('vehicle-repair.rescue-dispatched', {
      rescueVehicle,
      expectedArrivalAt:
        expectedArrivalAt === undefined
          ? undefined
          : new Date(expectedArrivalAt).toISOString(),
      note,
    }),
  ];
}

export function decideTowedIn(command: RecordTowedIn): VehicleRepairEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.optionalString('payload.note', p.note);
  checks.throwIfAny(command.type);

  return [
    event('vehicle-repair.vehicle-towed-in', { note: command.payload.note }),
  ];
}

/** G1 4: model, plate, symptoms and usage; the car must be the one reported. */
export function decideReceive(
  command: ReceiveVehicle,
  state: VehicleRepairState,
): VehicleRepairEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    for (const field of ['model', 'plate', 'symptoms', 'usage'] as const) {
      checks.nonBlank(`payload.${field}`, p[field]);
    }
    optionalCount(checks, 'payload.mileageKm', p.mileageKm);
  }
  checks.throwIfAny(command.type);

  const d = command.payload;
  const reported = state.plate as string;
  if (plateKey(d.plate) !== plateKey(reported)) {
    throw new VehicleRepairPlateMismatchError(
      command.ticketId,
      reported,
      d.plate,
    );
  }
  return [
    event('vehicle-repair.vehicle-received', {
      model: d.model,
      plate: d.plate,
      symptoms: d.symptoms,
      usage: d.usage,
      mileageKm: d.mileageKm,
    }),
  ];
}

/**
 * G1 5: the plan and the estimate. An ordinary fault is quoted to the
 * payer at once; a difficult or major one goes to after-sales first,
 * and the quote follows its support (G3 3).
 */
export function decideDiagnose(
  command: DiagnoseFault,
  state: VehicleRepairState,
): VehicleRepairEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.diagnosis', p.diagnosis);
    checks.nonBlank('payload.repairPlan', p.repairPlan);
    checkFen(checks, 'payload.quoteFen', p.quoteFen, { positive: true });
    if (checks.oneOf('payload.faultClass', p.faultClass, FAULT_CLASSES)) {
      if (p.faultClass === 'ordinary') {
        checks.absent(
          'payload.escalationReason',
          p.escalationReason,
          'for an ordinary fault',
        );
      } else {
        checks.nonBlank('payload.escalationReason', p.escalationReason);
      }
    }
  }
  checks.throwIfAny(command.type);

  const d = command.payload;
  const diagnosed = event('vehicle-repair.diagnosed', {
    diagnosis: d.diagnosis,
    repairPlan: d.repairPlan,
    quoteFen: d.quoteFen,
    faultClass: d.faultClass,
  });
  if (d.faultClass === 'ordinary') {
    return [
      diagnosed,
      event('vehicle-repair.quote-issued', {
        quoteFen: d.quoteFen,
        awaiting: state.payer ?? 'member',
      }),
    ];
  }
  return [
    diagnosed,
    event('vehicle-repair.escalated-to-after-sales', {
      stage: 'diagnosis',
      faultClass: d.faultClass,
      reason: d.escalationReason as string,
    }),
  ];
}
