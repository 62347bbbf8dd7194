import { DomainError, type Fen } from '../shared';

/** A timer's command before its instant: nothing happens early. */
export class RepairTimerNotDueError extends DomainError {
  readonly code = 'REPAIR_TIMER_NOT_DUE';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly dueAt: string,
    readonly now: string,
  ) {
    super(`Ticket ${ticketId}: the timer is due at ${dueAt}, it is ${now}`);
  }

  details() {
    const { ticketId, dueAt, now } = this;
    return { ticketId, dueAt, now };
  }
}

/** A timer of an earlier booking of the visit: the booking it served moved. */
export class RepairTimerStaleError extends DomainError {
  readonly code = 'REPAIR_TIMER_STALE';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly bookingSeq: number,
    readonly currentSeq: number,
  ) {
    super(
      `Ticket ${ticketId}: timer of booking ${bookingSeq}, booking ${currentSeq} is in force`,
    );
  }

  details() {
    const { ticketId, bookingSeq, currentSeq } = this;
    return { ticketId, bookingSeq, currentSeq };
  }
}

/** The cost list does not add up to what the customer agreed to pay. */
export class RepairCostListMismatchError extends DomainError {
  readonly code = 'REPAIR_COST_LIST_MISMATCH';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly expected: { partsFen?: Fen; labourFen?: Fen; totalFen?: Fen },
    readonly submitted: { partsFen: Fen; labourFen: Fen; totalFen: Fen },
  ) {
    super(`Ticket ${ticketId}: the cost list does not match the agreed costs`);
  }

  details() {
    const { ticketId, expected, submitted } = this;
    return { ticketId, expected, submitted };
  }
}
