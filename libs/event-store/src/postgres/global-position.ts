import { InvalidPositionError } from '../event-store.errors';
import type { GlobalPosition } from '../event-store.port';

/**
 * A place in the PostgreSQL log: the writing transaction's id and the
 * row's sequence number, compared as a pair. The string form is
 * `"<txId>/<position>"`; callers treat it as opaque.
 */
export interface LogCursor {
  txId: bigint;
  position: bigint;
}

/** Before every event. */
export const LOG_START: LogCursor = { txId: 0n, position: 0n };

const FORM = /^(\d{1,20})\/(\d{1,19})$/;
const MAX_UINT64 = (1n << 64n) - 1n;
const MAX_INT64 = (1n << 63n) - 1n;

export function encodePosition(cursor: LogCursor): GlobalPosition {
  return `${cursor.txId}/${cursor.position}`;
}

export function decodePosition(value: GlobalPosition | undefined): LogCursor {
  if (value === undefined) return LOG_START;
  const match = typeof value === 'string' ? FORM.exec(value) : null;
  if (!match) throw new InvalidPositionError(String(value));
  const cursor = { txId: BigInt(match[1]), position: BigInt(match[2]) };
  if (cursor.txId > MAX_UINT64 || cursor.position > MAX_INT64) {
    throw new InvalidPositionError(value);
  }
  return cursor;
}

export function compareCursors(a: LogCursor, b: LogCursor): number {
  if (a.txId !== b.txId) return a.txId < b.txId ? -1 : 1;
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return 0;
}
