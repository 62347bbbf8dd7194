import {
  AccessDeniedError,
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  NotLeaderError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  EventStoreUnavailableError,
  WrongExpectedRevisionError,
} from '../event-store.errors';
import type { ExpectedRevision } from '../event-store.port';
import { toActualRevision } from './stream-state';

/** What the failed operation was doing, to fill in our error's fields. */
export interface FailureContext {
  stream?: string;
  /** The caller's expected revision, which our error reports. */
  expected?: ExpectedRevision;
}

/**
 * The client's error class for a raw gRPC error (a failure before the
 * client's own handlers ran, e.g. in its server-feature probe, comes as a
 * plain Error with a numeric status code).
 */
export function normaliseKurrentDbError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  try {
    return convertToCommandError(error);
  } catch {
    // It reads gRPC fields a foreign error with a numeric code lacks.
    return error;
  }
}

/**
 * An append that failed this way may or may not have been written: the
 * request or its answer was lost. Resending the identical batch with the
 * identical expected revision is safe; the server then recognises it.
 * A server that is not the leader refused the write, so a resend (to the
 * leader the client reconnects to) is safe as well.
 */
export function isUnknownOutcome(error: unknown): boolean {
  const e = normaliseKurrentDbError(error);
  return (
    e instanceof UnavailableError ||
    e instanceof DeadlineExceededError ||
    e instanceof TimeoutError ||
    e instanceof CancelledError ||
    e instanceof NotLeaderError
  );
}

export function isStreamNotFound(error: unknown): boolean {
  return normaliseKurrentDbError(error) instanceof StreamNotFoundError;
}

export function isAccessDenied(error: unknown): boolean {
  return normaliseKurrentDbError(error) instanceof AccessDeniedError;
}

/**
 * The one place where the client's errors become the port's errors.
 * Anything it does not recognise is returned as the client gave it.
 */
export function translateKurrentDbError(
  error: unknown,
  context: FailureContext = {},
): unknown {
  const e = normaliseKurrentDbError(error);
  if (isUnknownOutcome(e)) {
    return new EventStoreUnavailableError(
      `KurrentDB request failed: ${messageOf(e)}; check that the server ` +
        'is up and reachable with the configured KURRENTDB_URL (an append ' +
        'may or may not have been stored: retry the identical batch)',
      e,
    );
  }
  if (e instanceof WrongExpectedVersionError) {
    return new WrongExpectedRevisionError(
      context.stream ?? e.streamName,
      context.expected ?? 'any',
      toActualRevision(e.actualState),
    );
  }
  return e;
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return error instanceof Error ? error.constructor.name : String(error);
}
