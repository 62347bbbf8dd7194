import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type AppendStreamState,
  type CurrentStreamState,
} from '@kurrent/kurrentdb-client';
import type { ActualRevision } from '../append-rules';
import type { ExpectedRevision } from '../event-store.port';

/** Our expected revision in the client's terms; a number becomes a bigint. */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'no-stream':
      return NO_STREAM;
    case 'stream-exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return BigInt(expected);
  }
}

/**
 * The stream state a server reports, as our actual revision. Negative
 * revisions (newer servers report a deleted stream as -5, a tombstoned
 * one as -6) hold no event either, so they read as no stream.
 */
export function toActualRevision(state: CurrentStreamState): ActualRevision {
  if (state === NO_STREAM || state < 0n) return 'no-stream';
  return Number(state);
}
