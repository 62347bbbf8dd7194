import { DomainError, type Fen } from '../shared';

/** The E币 deducted is not the fee the user was told to top up for. */
export class SettlementAmountMismatchError extends DomainError {
  readonly code = 'SETTLEMENT_AMOUNT_MISMATCH';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly requestedFen: Fen,
    readonly deductedFen: Fen,
  ) {
    super(
      `Ticket ${ticketId}: ${deductedFen} fen deducted, ${requestedFen} fen requested`,
    );
  }

  details() {
    const { ticketId, requestedFen, deductedFen } = this;
    return { ticketId, requestedFen, deductedFen };
  }
}

/** Technical management has already answered this ticket. */
export class TechFindingAlreadyRecordedError extends DomainError {
  readonly code = 'TECH_FINDING_ALREADY_RECORDED';
  readonly httpStatus = 409;

  constructor(readonly ticketId: string) {
    super(`Ticket ${ticketId} already has a technical finding`);
  }

  details() {
    return { ticketId: this.ticketId };
  }
}
