/**
 * A mistake in how the tool was called (an unknown command or option, a
 * missing argument): one line on stderr and exit code 2.
 */
export class AuditUsageError extends Error {
  readonly code: string = 'AUDIT_USAGE';
  readonly exitCode = 2;

  constructor(
    message: string,
    /** The command whose `--help` explains the right call, if known. */
    readonly command?: string,
  ) {
    super(message);
  }
}

/** No stream in the log matches the ticket given on the command line. */
export class UnknownTicketError extends AuditUsageError {
  override readonly code = 'AUDIT_UNKNOWN_TICKET';

  constructor(readonly ticket: string) {
    super(
      `no ticket "${ticket}" in the log; give a ticket id, a stream name ` +
        'or a ticket number such as SF-20261204-0042',
    );
  }
}

/** A time option that is neither an ISO instant nor a Shanghai wall-clock time. */
export class InvalidTimeError extends AuditUsageError {
  override readonly code = 'AUDIT_INVALID_TIME';

  constructor(
    readonly option: string,
    readonly value: string,
  ) {
    super(
      `${option} "${value}" is not a time; use e.g. "2026-12-04 10:05" ` +
        '(Asia/Shanghai) or "2026-12-04T02:05:00Z"',
    );
  }
}

/** `rebuild` was given a name that is no projection. */
export class UnknownProjectionError extends AuditUsageError {
  override readonly code = 'AUDIT_UNKNOWN_PROJECTION';

  constructor(
    readonly projection: string,
    readonly known: readonly string[],
  ) {
    super(
      `no projection "${projection}"; projections: ${known.join(', ')}, all`,
      'rebuild',
    );
  }
}

/** The rule `verify` found broken first; exit code 1. */
export class VerificationFailedError extends Error {
  readonly code = 'AUDIT_VERIFY_FAILED';
  readonly exitCode = 1;

  constructor(
    readonly streamName: string,
    readonly revision: number,
    readonly rule: string,
    readonly detail: string,
  ) {
    super(
      `stream ${streamName} revision ${revision} breaks rule ${rule}: ${detail}`,
    );
  }
}

/** Another `rebuild` of the same projection holds its lock. */
export class RebuildAlreadyRunningError extends Error {
  readonly code = 'AUDIT_REBUILD_RUNNING';
  readonly exitCode = 1;

  constructor(readonly projection: string) {
    super(`another rebuild of ${projection} is running; wait for it to finish`);
  }
}

/**
 * The session holding a rebuild's locks ended (the server restarted, or
 * ended it) before a swap: another rebuild could have taken the locks and
 * the staging tables since, so nothing more is swapped in.
 */
export class RebuildLockLostError extends Error {
  readonly code = 'AUDIT_REBUILD_LOCK_LOST';
  readonly exitCode = 1;

  constructor(readonly projections: readonly string[]) {
    super(
      `lost the lock of the rebuild of ${projections.join(', ')} ` +
        '(its database session ended); what was not swapped in yet is as ' +
        'it was: run the rebuild again',
    );
  }
}

/** A live read-model table the rebuild would replace does not exist. */
export class MissingReadModelError extends Error {
  readonly code = 'AUDIT_MISSING_READ_MODEL';
  readonly exitCode = 1;

  constructor(
    readonly projection: string,
    readonly table: string,
  ) {
    super(
      `table ${table} of ${projection} does not exist; start the projector ` +
        'once (it creates the read-model tables), then rebuild',
    );
  }
}

/** The configured event store is not one this tool can read. */
export class UnsupportedEventStoreError extends Error {
  readonly code = 'AUDIT_UNSUPPORTED_EVENT_STORE';
  readonly exitCode = 1;

  constructor(readonly eventStore: string) {
    super(
      `EVENT_STORE=${eventStore} is not supported by the audit tool; it ` +
        'reads the PostgreSQL event store (EVENT_STORE=postgres)',
    );
  }
}
