import { describe, expect, it } from '@jest/globals';
import { ANY, NO_STREAM, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import { toActualRevision, toStreamState } from './stream-state';

describe('an expected revision sent to KurrentDB', () => {
  it.each([
    ['no-stream', NO_STREAM],
    ['stream-exists', STREAM_EXISTS],
    ['any', ANY],
    [0, 0n],
    [41, 41n],
  ] as const)('maps %p to %p', (expected, state) => {
    expect(toStreamState(expected)).toBe(state);
  });
});

describe('a stream state KurrentDB reports', () => {
  it.each([
    [NO_STREAM, 'no-stream'],
    [0n, 0],
    [7n, 7],
    [-5n, 'no-stream'],
    [-6n, 'no-stream'],
  ] as const)('maps %p to the actual revision %p', (state, actual) => {
    expect(toActualRevision(state)).toBe(actual);
  });
});
