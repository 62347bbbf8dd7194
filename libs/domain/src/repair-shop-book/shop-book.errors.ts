import { DomainError } from '../shared';
import type { PartCounts } from './shop-book.commands';

export type SlotRefusalReason =
  | 'not-on-the-hour'
  | 'outside-working-hours'
  | 'within-preparation-margin'
  | 'beyond-booking-horizon'
  | 'fully-booked'
  | 'parts-not-on-hand';

/**
 * The slot cannot be booked. `nextFreeSlot` is the first slot the shop
 * could give instead (null when none within the horizon).
 */
export class RepairSlotUnavailableError extends DomainError {
  readonly code = 'REPAIR_SLOT_UNAVAILABLE';
  readonly httpStatus = 409;

  constructor(
    readonly shopCode: string,
    readonly requestedSlot: string,
    readonly reason: SlotRefusalReason,
    readonly nextFreeSlot: string | null,
    readonly partsToOrder: PartCounts = {},
  ) {
    super(
      `Shop ${shopCode} cannot take ${requestedSlot} (${reason}); next free: ${nextFreeSlot ?? 'none'}`,
    );
  }

  details() {
    const { shopCode, requestedSlot, reason, nextFreeSlot, partsToOrder } =
      this;
    return { shopCode, requestedSlot, reason, nextFreeSlot, partsToOrder };
  }
}

/** The reservation is not (or no longer) held in this book. */
export class ReservationNotHeldError extends DomainError {
  readonly code = 'RESERVATION_NOT_HELD';
  readonly httpStatus = 409;

  constructor(
    readonly shopBookId: string,
    readonly reservationId: string,
  ) {
    super(`Book ${shopBookId} holds no reservation ${reservationId}`);
  }

  details() {
    return { shopBookId: this.shopBookId, reservationId: this.reservationId };
  }
}

/**
 * A reservation id the book already holds: a reservation is made once,
 * so two commands can never share (or silently move) one bay.
 */
export class ReservationAlreadyHeldError extends DomainError {
  readonly code = 'RESERVATION_ALREADY_HELD';
  readonly httpStatus = 409;

  constructor(
    readonly shopBookId: string,
    readonly reservationId: string,
    readonly slotStart: string,
  ) {
    super(`Book ${shopBookId} already holds reservation ${reservationId}`);
  }

  details() {
    const { shopBookId, reservationId, slotStart } = this;
    return { shopBookId, reservationId, slotStart };
  }
}

/** No appointment book is set up for the shop (or not in the actor's sight). */
export class RepairShopNotFoundError extends DomainError {
  readonly code = 'REPAIR_SHOP_NOT_FOUND';
  readonly httpStatus = 404;

  constructor(readonly shopCode: string) {
    super(`No repair shop ${shopCode} takes bookings`);
  }

  details() {
    return { shopCode: this.shopCode };
  }
}
