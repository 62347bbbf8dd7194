import { DomainError } from '../shared';

/** 每周一、周四: entry on another day needs a lead and a reason. */
export class ViolationEntryDayError extends DomainError {
  readonly code = 'VIOLATION_ENTRY_DAY_NOT_ALLOWED';
  readonly httpStatus = 409;

  constructor(
    readonly day: string,
    readonly weekday: string,
  ) {
    super(
      `Violations are entered on Mondays and Thursdays, not ${weekday} ${day}`,
    );
  }

  details() {
    return {
      day: this.day,
      weekday: this.weekday,
      allowedWeekdays: ['Monday', 'Thursday'],
      overriddenBy: 'subsidiary-violation-specialist-lead',
    };
  }
}

/** The timer ran before the step's day and hour. */
export class ViolationStepNotDueError extends DomainError {
  readonly code = 'VIOLATION_STEP_NOT_DUE';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly step: string,
    readonly dueAt: string,
    readonly now: string,
  ) {
    super(`Ticket ${ticketId}: ${step} is due at ${dueAt}, not ${now}`);
  }

  details() {
    const { ticketId, step, dueAt, now } = this;
    return { ticketId, step, dueAt, now };
  }
}

/** A timer set for a step the case has already passed. */
export class ViolationTimerStaleError extends DomainError {
  readonly code = 'VIOLATION_TIMER_STALE';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly step: string,
    readonly current: string | null,
  ) {
    super(
      `Ticket ${ticketId}: timer for ${step}, but the case is at ${current}`,
    );
  }

  details() {
    const { ticketId, step, current } = this;
    return { ticketId, step, current };
  }
}

/** 在前三天: the first three days' e-mail window has closed. */
export class ViolationPushWindowClosedError extends DomainError {
  readonly code = 'VIOLATION_PUSH_WINDOW_CLOSED';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly pushWindowEndsAt: string,
  ) {
    super(`Ticket ${ticketId}: the push window closed at ${pushWindowEndsAt}`);
  }

  details() {
    return { ticketId: this.ticketId, pushWindowEndsAt: this.pushWindowEndsAt };
  }
}

/** Finance deducted another amount than the fine risk control asked for. */
export class ViolationDeductionMismatchError extends DomainError {
  readonly code = 'VIOLATION_DEDUCTION_MISMATCH';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly requestedFen: number,
    readonly deductedFen: number,
  ) {
    super(`Ticket ${ticketId}: deducted ${deductedFen}, asked ${requestedFen}`);
  }

  details() {
    const { ticketId, requestedFen, deductedFen } = this;
    return { ticketId, requestedFen, deductedFen };
  }
}
