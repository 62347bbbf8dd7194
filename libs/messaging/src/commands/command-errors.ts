import { DomainError } from '@opsdesk/domain';

export class UnknownProcessError extends DomainError {
  readonly code = 'UNKNOWN_PROCESS';
  readonly httpStatus = 400;

  constructor(readonly processId: string) {
    super(`No process ${processId} is installed`);
  }

  details() {
    return { processId: this.processId };
  }
}

export class UnknownCommandError extends DomainError {
  readonly code = 'UNKNOWN_COMMAND';
  readonly httpStatus = 400;

  constructor(
    readonly processId: string,
    readonly command: string,
  ) {
    super(`Process ${processId} has no command ${command}`);
  }

  details() {
    return { processId: this.processId, command: this.command };
  }
}

/** A job on one role's queue carried a command of another role. */
export class WrongQueueError extends DomainError {
  readonly code = 'WRONG_QUEUE';
  readonly httpStatus = 403;

  constructor(
    readonly queueRole: string,
    readonly actorRole: string,
    /** The permission the command needed, e.g. `station-fault:ClassifyFault`. */
    readonly permission?: string,
  ) {
    super(`A ${actorRole} command arrived on the ${queueRole} queue`);
  }

  details() {
    const { queueRole, actorRole, permission } = this;
    return { queueRole, actorRole, ...(permission ? { permission } : {}) };
  }
}
