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
