import { DomainError } from '../shared';

/** A call sooner than 30 minutes after the last one (P08 4.2). */
export class CallbackAttemptTooSoonError extends DomainError {
  readonly code = 'CALLBACK_ATTEMPT_TOO_SOON';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly lastAttemptAt: string,
    readonly earliestAllowedAt: string,
  ) {
    super(
      `Call-back ${ticketId}: last call at ${lastAttemptAt}; the next may be made from ${earliestAllowedAt}`,
    );
  }

  details() {
    const { ticketId, lastAttemptAt, earliestAllowedAt } = this;
    return { ticketId, lastAttemptAt, earliestAllowedAt };
  }
}

/** All three calls have been made (P08 4.2: three on the same day). */
export class CallbackAttemptsExhaustedError extends DomainError {
  readonly code = 'CALLBACK_ATTEMPTS_EXHAUSTED';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly attempts: number,
    readonly maxAttempts: number,
    readonly day: string,
  ) {
    super(
      `Call-back ${ticketId} has had ${attempts} of ${maxAttempts} calls on ${day}`,
    );
  }

  details() {
    const { ticketId, attempts, maxAttempts, day } = this;
    return { ticketId, attempts, maxAttempts, day };
  }
}

/**
 * The calls belong to the day of the first one; on a later day the user
 * is reported unreached instead of being called again.
 */
export class CallbackDayOverError extends DomainError {
  readonly code = 'CALLBACK_DAY_OVER';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly firstAttemptDay: string,
    readonly day: string,
  ) {
    super(
      `Call-back ${ticketId} started its calls on ${firstAttemptDay}; it is ${day}`,
    );
  }

  details() {
    const { ticketId, firstAttemptDay, day } = this;
    return { ticketId, firstAttemptDay, day };
  }
}
