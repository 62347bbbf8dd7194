import type { RoleId } from './roles';

/** A command the domain refuses. Never retried: the same input fails again. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly httpStatus: 400 | 403 | 404 | 409;

  /** The context a caller needs, safe to show to a user. */
  abstract details(): Record<string, unknown>;
}

export class TicketNotInStateError extends DomainError {
  readonly code = 'TICKET_NOT_IN_STATE';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly state: string,
    readonly expected: readonly string[],
    readonly command: string,
  ) {
    super(
      `Ticket ${ticketId} is ${state}; ${command} needs ${expected.join(' or ')}`,
    );
  }

  details() {
    const { ticketId, state, expected, command } = this;
    return { ticketId, state, expected, command };
  }
}

/** `<process>:<command>`, e.g. `station-fault:ClassifyFault`. */
export function permissionOf(processId: string, command: string): string {
  return `${processId}:${command}`;
}

export class RoleNotPermittedError extends DomainError {
  readonly code = 'ROLE_NOT_PERMITTED';
  readonly httpStatus = 403;

  constructor(
    readonly command: string,
    readonly role: RoleId,
    readonly allowed: readonly RoleId[],
    /** The permission the role lacks, e.g. `station-fault:ClassifyFault`. */
    readonly permission: string = command,
  ) {
    super(`Role ${role} may not ${command}; allowed: ${allowed.join(', ')}`);
  }

  details() {
    const { command, role, allowed, permission } = this;
    return { command, role, allowed, permission };
  }
}

export interface FieldProblem {
  field: string;
  message: string;
}

export class InvalidCommandDataError extends DomainError {
  readonly code = 'INVALID_COMMAND_DATA';
  readonly httpStatus = 400;

  constructor(
    readonly command: string,
    readonly fields: readonly FieldProblem[],
  ) {
    super(
      `${command} has invalid data: ${fields.map((f) => f.field).join(', ')}`,
    );
  }

  details() {
    return { command: this.command, fields: this.fields };
  }
}

export class TicketNotFoundError extends DomainError {
  readonly code = 'TICKET_NOT_FOUND';
  readonly httpStatus = 404;

  constructor(readonly ticketId: string) {
    super(`Ticket ${ticketId} does not exist`);
  }

  details() {
    return { ticketId: this.ticketId };
  }
}

export class TicketAlreadyExistsError extends DomainError {
  readonly code = 'TICKET_ALREADY_EXISTS';
  readonly httpStatus = 409;

  constructor(readonly ticketId: string) {
    super(`Ticket ${ticketId} already exists`);
  }

  details() {
    return { ticketId: this.ticketId };
  }
}

/**
 * The actor holds the right role but the ticket is assigned to someone
 * else, and the actor is not the role's lead. Automatic work done under
 * the role is exempt.
 */
export class NotAssigneeError extends DomainError {
  readonly code = 'NOT_ASSIGNEE';
  readonly httpStatus = 403;

  constructor(
    readonly ticketId: string,
    readonly actorId: string,
    readonly assigneeId: string | null,
    readonly command: string,
    /** What is missing: being the assignee or the lead of the role. */
    readonly permission: string = command,
  ) {
    super(
      `Ticket ${ticketId} is assigned to ${assigneeId ?? 'nobody'}; ${actorId} may not ${command}`,
    );
  }

  details() {
    const { ticketId, actorId, assigneeId, command, permission } = this;
    return {
      ticketId,
      actorId,
      assigneeId,
      command,
      permission,
      requires: 'assignee-or-lead',
    };
  }
}

/**
 * A station the actor cannot see: unknown, or of another subsidiary. Both
 * answer alike so that station ids leak nothing across subsidiaries.
 */
export class StationNotFoundError extends DomainError {
  readonly code = 'STATION_NOT_FOUND';
  readonly httpStatus = 404;

  constructor(readonly stationId: string) {
    super(`No station ${stationId}`);
  }

  details() {
    return { stationId: this.stationId };
  }
}
