import { DomainError } from '../shared';

/** The car at the desk is not the one the driver reported. */
export class VehicleRepairPlateMismatchError extends DomainError {
  readonly code = 'VEHICLE_PLATE_MISMATCH';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly reportedPlate: string,
    readonly receivedPlate: string,
  ) {
    super(
      `Ticket ${ticketId}: ${receivedPlate} received, ${reportedPlate} reported`,
    );
  }

  details() {
    const { ticketId, reportedPlate, receivedPlate } = this;
    return { ticketId, reportedPlate, receivedPlate };
  }
}

/** A warranty claim after the warranty period has ended. */
export class VehicleRepairWarrantyExpiredError extends DomainError {
  readonly code = 'WARRANTY_EXPIRED';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly warrantyEndsAt: string,
    readonly claimedAt: string,
  ) {
    super(
      `Ticket ${ticketId}: the warranty ended ${warrantyEndsAt}, claimed ${claimedAt}`,
    );
  }

  details() {
    const { ticketId, warrantyEndsAt, claimedAt } = this;
    return { ticketId, warrantyEndsAt, claimedAt };
  }
}

/**
 * A fleet's quote decided by the administrator of another fleet (or of
 * none): the token's `org` must name the fleet that pays.
 */
export class VehicleRepairNotFleetAdminError extends DomainError {
  readonly code = 'NOT_FLEET_ADMIN';
  readonly httpStatus = 403;

  constructor(
    readonly ticketId: string,
    readonly fleetId: string,
    readonly actorOrg: string | undefined,
    readonly permission: string,
  ) {
    super(
      `Ticket ${ticketId}: the quote is fleet ${fleetId}'s, not ${actorOrg ?? 'no fleet'}'s`,
    );
  }

  details() {
    const { ticketId, fleetId, permission } = this;
    return {
      ticketId,
      fleetId,
      actorOrg: this.actorOrg ?? null,
      permission,
      requires: 'org-of-the-fleet',
    };
  }
}
