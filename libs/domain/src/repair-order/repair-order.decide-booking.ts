import {
  FieldChecks,
  InvalidCommandDataError,
  type DecisionContext,
} from '../shared';
import type {
  BookAppointment,
  RebookAppointment,
  RecordConfirmation,
  RepairOrderCommand,
  ShopCannotKeepAppointment,
} from './repair-order.commands';
import {
  RepairTimerNotDueError,
  RepairTimerStaleError,
} from './repair-order.errors';
import { repairOrderEvent as event } from './repair-order.event-factory';
import type { Appointment, RepairOrderEvent } from './repair-order.events';
import {
  checkWhole,
  isReservation,
  payloadChecks,
} from './repair-order.field-checks';
import { checkBeforeReservation } from './repair-order.reservation';
import { CONFIRMATION_LEAD_MS } from './repair-order.rules';
import type { RepairOrderState } from './repair-order.state';

function appointmentOf(
  command: BookAppointment | RebookAppointment,
  bookingSeq: number,
): Appointment {
  const r = command.payload.reservation;
  if (!isReservation(r)) {
    // The worker fills it in; its absence is a wiring fault, not input.
    throw new InvalidCommandDataError(command.type, [
      { field: 'payload.reservation', message: 'was not reserved' },
    ]);
  }
  return {
    bookingSeq,
    reservationId: r.reservationId,
    slotStart: r.slotStart,
    slotEnd: r.slotEnd,
    partsReserved: r.partsReserved ?? {},
    partsToOrder: r.partsToOrder ?? {},
  };
}

export function decideBook(
  command: BookAppointment,
  state: RepairOrderState,
  context: DecisionContext,
): RepairOrderEvent[] {
  checkBeforeReservation(command, state, context);
  const numbered = new FieldChecks();
  numbered.nonBlank('payload.ticketNumber', command.payload.ticketNumber);
  numbered.throwIfAny(command.type);
  const p = command.payload;
  const booked = event('repair-order.appointment-booked', {
    ticketNumber: p.ticketNumber,
    subsidiaryId: context.actor.subsidiary,
    shopCode: p.shopCode,
    kind: p.kind,
    vehicle: { plate: p.vehicle.plate, model: p.vehicle.model },
    customer:
      p.customer.name === undefined
        ? { phone: p.customer.phone }
        : { phone: p.customer.phone, name: p.customer.name },
    symptoms: p.symptoms,
    bring: p.bring,
    appointment: appointmentOf(command, 1),
    vehicleRepairTicketId: p.vehicleRepairTicketId,
  });
  if (!p.fleet) return [booked];
  const f = p.fleet;
  return [
    event('repair-order.fleet-request-scheduled', {
      channel: f.channel,
      faultCategory: f.faultCategory,
      priority: f.priority,
      technicianId: f.technicianId,
      expectedCompletionAt: new Date(f.expectedCompletionAt).toISOString(),
      pickupMethod: f.pickupMethod,
    }),
    booked,
  ];
}

function currentAppointment(state: RepairOrderState): Appointment {
  // The table allows timers only in states that hold an appointment.
  return state.appointment as Appointment;
}

/** Timers act at their instant and only for the booking they were set for. */
function checkTimer(
  command: { ticketId: string; type: string; payload: unknown },
  state: RepairOrderState,
  context: DecisionContext,
  dueAtMs: number,
): void {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checkWhole(checks, 'payload.bookingSeq', p.bookingSeq, 1, 1000);
  checks.throwIfAny(command.type);
  const seq = (command.payload as { bookingSeq: number }).bookingSeq;
  const appointment = currentAppointment(state);
  if (seq !== appointment.bookingSeq) {
    throw new RepairTimerStaleError(
      command.ticketId,
      seq,
      appointment.bookingSeq,
    );
  }
  if (Date.parse(context.now) < dueAtMs) {
    throw new RepairTimerNotDueError(
      command.ticketId,
      new Date(dueAtMs).toISOString(),
      context.now,
    );
  }
}

export function decideRequestConfirmation(
  command: RepairOrderCommand,
  state: RepairOrderState,
  context: DecisionContext,
): RepairOrderEvent[] {
  const appointment = currentAppointment(state);
  const at = Date.parse(appointment.slotStart);
  checkTimer(command, state, context, at - CONFIRMATION_LEAD_MS);
  return [
    event('repair-order.confirmation-requested', {
      bookingSeq: appointment.bookingSeq,
      appointmentAt: appointment.slotStart,
    }),
  ];
}

export function decideExpire(
  command: RepairOrderCommand,
  state: RepairOrderState,
  context: DecisionContext,
): RepairOrderEvent[] {
  const appointment = currentAppointment(state);
  checkTimer(command, state, context, Date.parse(appointment.slotStart));
  return [
    event('repair-order.confirmation-missed', {
      bookingSeq: appointment.bookingSeq,
      appointmentAt: appointment.slotStart,
    }),
  ];
}

export function decideConfirmation(
  command: RecordConfirmation,
  state: RepairOrderState,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.boolean('payload.confirmed', p.confirmed);
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);
  const { bookingSeq } = currentAppointment(state);
  const { confirmed, note } = command.payload;
  return [
    confirmed
      ? event('repair-order.appointment-confirmed', { bookingSeq, note })
      : event('repair-order.appointment-declined', { bookingSeq, note }),
  ];
}

export function decideShopCannotKeep(
  command: ShopCannotKeepAppointment,
  state: RepairOrderState,
  context: DecisionContext,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.reason', p.reason);
    if (
      p.customerToldAt !== undefined &&
      checks.isoInstant('payload.customerToldAt', p.customerToldAt) &&
      Date.parse(p.customerToldAt) > Date.parse(context.now)
    ) {
      // Recorded once the customer has been told, not before.
      checks.fail('payload.customerToldAt', 'must not be later than now');
    }
  }
  checks.throwIfAny(command.type);
  const appointment = currentAppointment(state);
  const toldAt = command.payload.customerToldAt ?? context.now;
  // "In advance": the customer must hear it before the appointment.
  if (Date.parse(toldAt) >= Date.parse(appointment.slotStart)) {
    throw new InvalidCommandDataError(command.type, [
      {
        field: 'payload.customerToldAt',
        message:
          'must be before the appointment (tell the customer in advance)',
      },
    ]);
  }
  return [
    event('repair-order.shop-could-not-keep-appointment', {
      bookingSeq: appointment.bookingSeq,
      reason: command.payload.reason,
      customerToldAt: new Date(toldAt).toISOString(),
    }),
  ];
}

export function decideRebook(
  command: RebookAppointment,
  state: RepairOrderState,
  context: DecisionContext,
): RepairOrderEvent[] {
  checkBeforeReservation(command, state, context);
  return [
    event('repair-order.appointment-rebooked', {
      appointment: appointmentOf(command, state.bookings + 1),
    }),
  ];
}
