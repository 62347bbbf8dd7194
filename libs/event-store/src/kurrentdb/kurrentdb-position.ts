import type { Position } from '@kurrent/kurrentdb-client';
import { InvalidPositionError } from '../event-store.errors';
import type { GlobalPosition } from '../event-store.port';

/**
 * A place in KurrentDB's `$all`: the commit and prepare positions of an
 * event, compared as a pair. The string form is `kdb:<commit>:<prepare>`,
 * so a checkpoint taken on another adapter is refused, not misread.
 */
const FORM = /^kdb:(\d{1,20}):(\d{1,20})$/;
const MAX_UINT64 = (1n << 64n) - 1n;

export function encodePosition(position: Position): GlobalPosition {
  return `kdb:${position.commit}:${position.prepare}`;
}

export function decodePosition(value: GlobalPosition): Position {
  const match = typeof value === 'string' ? FORM.exec(value) : null;
  if (!match) throw new InvalidPositionError(String(value));
  const position = { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
  if (position.commit > MAX_UINT64 || position.prepare > MAX_UINT64) {
    throw new InvalidPositionError(value);
  }
  return position;
}

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** Whether `position` comes strictly after the exclusive cursor `after`. */
export function isAfter(
  position: Position,
  after: Position | undefined,
): boolean {
  return after === undefined || comparePositions(position, after) > 0;
}
