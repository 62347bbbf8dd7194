import { DomainError } from '../shared';
import type { FaultType } from './centre-emergency.events';
import type { PendingFollowUp } from './centre-emergency.follow-up';

/** A step of one scenario asked of an emergency of another. */
export class WrongFaultTypeError extends DomainError {
  readonly code = 'WRONG_FAULT_TYPE';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly command: string,
    readonly faultType: FaultType,
    readonly expected: FaultType,
  ) {
    super(
      `Ticket ${ticketId} is a ${faultType} fault; ${command} is for ${expected}`,
    );
  }

  details() {
    const { ticketId, command, faultType, expected } = this;
    return { ticketId, command, faultType, expected };
  }
}

/** 3.3: the shift leader reports to the CS manager on non-working days only. */
export class NotANonWorkingDayError extends DomainError {
  readonly code = 'NOT_A_NON_WORKING_DAY';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly day: string,
  ) {
    super(`Ticket ${ticketId}: ${day} is a working day in Shanghai`);
  }

  details() {
    return { ticketId: this.ticketId, day: this.day };
  }
}

/** The emergency still owes follow-up work. */
export class EmergencyNotReadyToCloseError extends DomainError {
  readonly code = 'EMERGENCY_NOT_READY_TO_CLOSE';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly pending: PendingFollowUp,
  ) {
    super(`Ticket ${ticketId} has follow-up work left`);
  }

  details() {
    return { ticketId: this.ticketId, ...this.pending };
  }
}

export type EmergencyRecordKind = 'handwritten-entry' | 'missed-call';

/** No hand-written entry or missed call of that id on this emergency. */
export class EmergencyRecordNotFoundError extends DomainError {
  readonly code = 'EMERGENCY_RECORD_NOT_FOUND';
  readonly httpStatus = 404;

  constructor(
    readonly ticketId: string,
    readonly kind: EmergencyRecordKind,
    readonly recordId: string,
  ) {
    super(`Ticket ${ticketId} has no ${kind} ${recordId}`);
  }

  details() {
    const { ticketId, kind, recordId } = this;
    return { ticketId, kind, recordId };
  }
}

/** The entry is a task already, or the call was called back already. */
export class EmergencyRecordAlreadyDoneError extends DomainError {
  readonly code = 'EMERGENCY_RECORD_ALREADY_DONE';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly kind: EmergencyRecordKind,
    readonly recordId: string,
  ) {
    super(`Ticket ${ticketId}: ${kind} ${recordId} is already done`);
  }

  details() {
    const { ticketId, kind, recordId } = this;
    return { ticketId, kind, recordId };
  }
}

/** The ticket to link does not exist, or the actor may not see it. */
export class LinkedTicketNotFoundError extends DomainError {
  readonly code = 'LINKED_TICKET_NOT_FOUND';
  readonly httpStatus = 404;

  constructor(
    readonly processId: string,
    readonly linkedTicketId: string,
  ) {
    super(`No ${processId} ticket ${linkedTicketId}`);
  }

  details() {
    return { processId: this.processId, ticketId: this.linkedTicketId };
  }
}

/** Linking a ticket twice, or unlinking one that is not linked. */
export class TicketLinkStateError extends DomainError {
  readonly httpStatus = 409;

  constructor(
    readonly code: 'TICKET_ALREADY_LINKED' | 'TICKET_NOT_LINKED',
    readonly ticketId: string,
    readonly processId: string,
    readonly linkedTicketId: string,
  ) {
    super(`Ticket ${ticketId}: ${code} ${processId}/${linkedTicketId}`);
  }

  details() {
    const { ticketId, processId, linkedTicketId } = this;
    return { ticketId, processId, linkedTicketId };
  }
}
