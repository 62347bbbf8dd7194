import type { ExpectedRevision } from './event-store.port';

/** The stream was not at the revision the append expected. Retry from a fresh load. */
export class WrongExpectedRevisionError extends Error {
  readonly code = 'WRONG_EXPECTED_REVISION';

  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or 'no-stream'. */
    readonly actual: number | 'no-stream',
  ) {
    super(
      `Stream ${stream} expected at ${String(expected)}, actually at ${String(actual)}`,
    );
  }
}

/** The store could not be reached or failed mid-operation: transient. */
export class EventStoreUnavailableError extends Error {
  readonly code = 'EVENT_STORE_UNAVAILABLE';

  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** Why an append was refused before anything was stored. */
export type InvalidAppendReason =
  | 'invalid-stream-name'
  | 'invalid-expected-revision'
  | 'invalid-event'
  | 'invalid-event-id'
  | 'duplicate-event-id'
  | 'event-id-in-other-stream'
  | 'unstorable-value';

/** The append itself is malformed: a programming error, never retry it. */
export class InvalidAppendError extends Error {
  readonly code = 'INVALID_APPEND';

  constructor(
    readonly stream: string,
    readonly reason: InvalidAppendReason,
    /** The event the reason applies to, when it is one event. */
    readonly eventId?: string,
  ) {
    super(
      `Append to ${stream} refused (${reason})` +
        (eventId === undefined ? '' : ` at event ${eventId}`),
    );
  }
}

/**
 * Some, but not all, event ids of the batch are already in the stream:
 * the command that produced it did not derive its ids deterministically,
 * or decided differently on retry. Never retry it.
 */
export class PartiallyAppendedBatchError extends Error {
  readonly code = 'PARTIALLY_APPENDED_BATCH';

  constructor(
    readonly stream: string,
    readonly appendedEventIds: readonly string[],
    readonly newEventIds: readonly string[],
  ) {
    super(
      `Batch for ${stream} is partly stored already: ` +
        `${appendedEventIds.length} stored, ${newEventIds.length} new`,
    );
  }
}

/** A position that this store did not make, or a malformed one. */
export class InvalidPositionError extends Error {
  readonly code = 'INVALID_POSITION';

  constructor(readonly position: string) {
    super(`Not a global position of this event store: ${position}`);
  }
}

/** The store was closed; nothing more can be appended, read or subscribed. */
export class EventStoreClosedError extends Error {
  readonly code = 'EVENT_STORE_CLOSED';

  constructor() {
    super('The event store was closed');
  }
}

/** A read option out of range or malformed, e.g. a negative `maxCount`. */
export class InvalidReadOptionError extends Error {
  readonly code = 'INVALID_READ_OPTION';

  constructor(
    readonly option: string,
    readonly value: unknown,
  ) {
    super(`Invalid read option ${option}: ${String(value)}`);
  }
}
