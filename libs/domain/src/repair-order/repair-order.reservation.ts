import type { DecisionContext } from '../shared';
import { authoriseRepairOrder } from './repair-order.authorise';
import type {
  BookAppointment,
  RebookAppointment,
} from './repair-order.commands';
import { checkBookingFields, payloadChecks } from './repair-order.field-checks';
import type { RepairOrderState } from './repair-order.state';

/**
 * The reservation id of a visit's n-th booking in its shop's book, made
 * by one command: two commands racing to book the same visit hold two
 * reservations, and the one whose visit refuses it gives its own back.
 */
export function reservationIdOf(
  ticketId: string,
  bookingSeq: number,
  commandId: string,
): string {
  return `${ticketId}/${bookingSeq}/${commandId}`;
}

/**
 * Everything a booking or rebooking must pass before the worker reserves
 * its slot in the shop's book, so that a refused command holds no slot.
 */
export function checkBeforeReservation(
  command: BookAppointment | RebookAppointment,
  state: RepairOrderState,
  context: DecisionContext,
): void {
  authoriseRepairOrder(command, state, context);
  const { checks, p } = payloadChecks(command.payload);
  if (p && command.type === 'BookAppointment') {
    checkBookingFields(checks, p, context);
  } else if (p) {
    checks.isoInstant('payload.slotStart', p.slotStart);
  }
  checks.throwIfAny(command.type);
}
