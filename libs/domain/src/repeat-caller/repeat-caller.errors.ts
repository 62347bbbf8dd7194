import { DomainError } from '../shared';

/** The call to unlink is not linked to this escalation. */
export class CallNotLinkedError extends DomainError {
  readonly code = 'CALL_NOT_LINKED';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly linkedTicketId: string,
    readonly linkedTicketIds: readonly string[],
  ) {
    super(`Ticket ${ticketId} has no linked call ${linkedTicketId}`);
  }

  details() {
    const { ticketId, linkedTicketId, linkedTicketIds } = this;
    return { ticketId, linkedTicketId, linkedTicketIds };
  }
}

/**
 * Box 5 asks for all related recordings: one per call of the group, and
 * none of a call outside it.
 */
export class RecordingsIncompleteError extends DomainError {
  readonly code = 'RECORDINGS_INCOMPLETE';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly missing: readonly string[],
    readonly unrelated: readonly string[],
  ) {
    super(
      `Ticket ${ticketId}: recordings missing for ${missing.join(', ') || 'none'}, unrelated ${unrelated.join(', ') || 'none'}`,
    );
  }

  details() {
    const { ticketId, missing, unrelated } = this;
    return { ticketId, missing, unrelated };
  }
}

/** Box 10: the result must reach everyone who drafted a plan. */
export class NotifiedPartiesMissingError extends DomainError {
  readonly code = 'NOTIFIED_PARTIES_MISSING';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly missing: readonly string[],
  ) {
    super(
      `Ticket ${ticketId}: the result must also go to ${missing.join(', ')}`,
    );
  }

  details() {
    return { ticketId: this.ticketId, missing: this.missing };
  }
}
