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
