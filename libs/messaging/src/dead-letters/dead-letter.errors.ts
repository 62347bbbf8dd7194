import { DomainError } from '@opsdesk/domain';

/** No role queue has this name. */
export class UnknownQueueError extends DomainError {
  readonly code = 'UNKNOWN_QUEUE';
  readonly httpStatus = 404;

  constructor(readonly queue: string) {
    super(`There is no queue ${queue}`);
  }

  details() {
    return { queue: this.queue };
  }
}

/** The queue holds no job with this id. */
export class DeadLetterNotFoundError extends DomainError {
  readonly code = 'DEAD_LETTER_NOT_FOUND';
  readonly httpStatus = 404;

  constructor(
    readonly queue: string,
    readonly jobId: string,
  ) {
    super(`Queue ${queue} holds no job ${jobId}`);
  }

  details() {
    return { queue: this.queue, jobId: this.jobId };
  }
}

/**
 * The job failed because the domain refused its command: its caller was
 * answered so, and the ledger says so. Run again on a ticket that has
 * moved on, it could be accepted after all; a command that should now be
 * made is sent anew, under a new id.
 */
export class RejectedCommandError extends DomainError {
  readonly code = 'COMMAND_WAS_REJECTED';
  readonly httpStatus = 409;

  constructor(
    readonly queue: string,
    readonly jobId: string,
  ) {
    super(
      `Job ${jobId} on ${queue} is a command the domain refused; send it anew instead`,
    );
  }

  details() {
    return { queue: this.queue, jobId: this.jobId };
  }
}

/** The job exists but has not failed: there is nothing to retry. */
export class NotADeadLetterError extends DomainError {
  readonly code = 'NOT_A_DEAD_LETTER';
  readonly httpStatus = 409;

  constructor(
    readonly queue: string,
    readonly jobId: string,
    readonly state: string,
  ) {
    super(`Job ${jobId} on ${queue} is ${state}, not failed`);
  }

  details() {
    return { queue: this.queue, jobId: this.jobId, state: this.state };
  }
}
