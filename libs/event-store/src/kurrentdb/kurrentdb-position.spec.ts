import { describe, expect, it } from '@jest/globals';
import {
  comparePositions,
  decodePosition,
  encodePosition,
  isAfter,
} from './kurrentdb-position';

describe('a KurrentDB position as a global position', () => {
  it('round-trips the commit and prepare pair, beyond 2^53', () => {
    const position = { commit: 2n ** 60n + 1n, prepare: 2n ** 60n };

    const text = encodePosition(position);

    expect(text).toBe(`kdb:${2n ** 60n + 1n}:${2n ** 60n}`);
    expect(decodePosition(text)).toEqual(position);
  });

  it.each(['1/2', 'mem:3', 'kdb:1', 'kdb:-1:0', `kdb:${2n ** 64n}:0`, ''])(
    'refuses %p as a position this store did not make',
    (text) => {
      expect(() => decodePosition(text)).toThrow(
        expect.objectContaining({ code: 'INVALID_POSITION', position: text }),
      );
    },
  );

  it('orders by commit position, then by prepare position', () => {
    const a = { commit: 10n, prepare: 10n };
    const b = { commit: 10n, prepare: 74n };
    const c = { commit: 200n, prepare: 200n };

    expect([c, b, a].sort(comparePositions)).toEqual([a, b, c]);
    expect(isAfter(b, a)).toBe(true);
    expect(isAfter(a, a)).toBe(false);
    expect(isAfter(a, undefined)).toBe(true);
  });
});
