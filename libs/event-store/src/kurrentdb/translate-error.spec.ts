import { describe, expect, it } from '@jest/globals';
import {
  AccessDeniedError,
  DeadlineExceededError,
  NO_STREAM,
  NotLeaderError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  EventStoreUnavailableError,
  WrongExpectedRevisionError,
} from '../event-store.errors';
import {
  isAccessDenied,
  isStreamNotFound,
  isUnknownOutcome,
  translateKurrentDbError,
} from './translate-error';

/** A gRPC failure as it reaches us before the client has classified it. */
function rawGrpcError(code: number, details: string): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details });
}

function wrongVersion(current: bigint | typeof NO_STREAM) {
  return new WrongExpectedVersionError(undefined, {
    streamName: 'station-fault-1',
    expected: 0n,
    current,
  });
}

describe('a KurrentDB wrong-expected-version error', () => {
  it('becomes WrongExpectedRevisionError with the caller’s expectation and the actual revision', () => {
    const error = translateKurrentDbError(wrongVersion(3n), {
      stream: 'station-fault-1',
      expected: 'stream-exists',
    });

    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({
      code: 'WRONG_EXPECTED_REVISION',
      stream: 'station-fault-1',
      expected: 'stream-exists',
      actual: 3,
    });
  });

  it('reports a stream the server does not have as no-stream', () => {
    const error = translateKurrentDbError(wrongVersion(NO_STREAM), {
      stream: 'station-fault-1',
      expected: 0,
    });

    expect(error).toMatchObject({ expected: 0, actual: 'no-stream' });
  });

  it('names the server’s stream and any when no context is given', () => {
    expect(translateKurrentDbError(wrongVersion(1n))).toMatchObject({
      stream: 'station-fault-1',
      expected: 'any',
      actual: 1,
    });
  });
});

describe('a KurrentDB failure that leaves the outcome unknown', () => {
  it.each([
    ['unavailable', new UnavailableError()],
    ['deadline exceeded', new DeadlineExceededError()],
    ['a raw gRPC UNAVAILABLE', rawGrpcError(14, 'No connection established')],
    ['a raw gRPC DEADLINE_EXCEEDED', rawGrpcError(4, 'Deadline exceeded')],
  ])('is %s: transient, and EVENT_STORE_UNAVAILABLE', (_, raw) => {
    const error = translateKurrentDbError(raw, { stream: 's' });

    expect(isUnknownOutcome(raw)).toBe(true);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect(error).toMatchObject({ code: 'EVENT_STORE_UNAVAILABLE' });
    expect((error as EventStoreUnavailableError).cause).toBeDefined();
  });

  it('includes a refusal by a node that is not the leader', () => {
    const refusal = Object.assign(rawGrpcError(5, 'Not leader'), {
      metadata: {
        getMap: () => ({
          exception: 'not-leader',
          'leader-endpoint-host': '127.0.0.1',
          'leader-endpoint-port': '2113',
        }),
      },
    });

    expect(isUnknownOutcome(new NotLeaderError(refusal as never))).toBe(true);
  });
});

describe('other KurrentDB failures', () => {
  it('recognises a stream that does not exist', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 's'))).toBe(
      true,
    );
    expect(isStreamNotFound(new UnavailableError())).toBe(false);
  });

  it('passes access denied through unchanged and never as transient', () => {
    const denied = new AccessDeniedError();

    expect(translateKurrentDbError(denied)).toBe(denied);
    expect(isUnknownOutcome(denied)).toBe(false);
    expect(isAccessDenied(denied)).toBe(true);
  });

  it('passes what it does not know through unchanged', () => {
    const odd = new TypeError('odd');
    const foreign = Object.assign(new Error('numeric code'), { code: 99 });

    expect(translateKurrentDbError(odd)).toBe(odd);
    expect(translateKurrentDbError(foreign)).toBe(foreign);
    expect(translateKurrentDbError('text')).toBe('text');
  });
});
