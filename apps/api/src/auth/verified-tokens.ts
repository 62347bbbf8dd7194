import type { KeyObject } from 'node:crypto';
import {
  bearerToken,
  checkTokenTimes,
  verificationKey,
  verifyToken,
  type VerifiedToken,
} from './bearer-tokens';
import type { Principal } from './principal';

/**
 * Tokens remembered at most: a client sends the same token with every
 * request until it expires, so a few thousand cover every person at work.
 * Only verified tokens enter, so filling it takes tokens signed with our
 * key; at the 4 KiB a header may carry it stays within about 40 MiB.
 */
export const VERIFIED_TOKENS_CAPACITY = 10_000;

export interface VerifiedTokensOptions {
  capacity?: number;
  /** Milliseconds since the epoch; tests pass a clock they can step. */
  now?: () => number;
}

/**
 * Bearer tokens verified once per process. A token is the same string
 * with every request, and verifying its signature and claims gives the
 * same principal each time, so the answer is remembered, keyed by the
 * whole token (signature included: a token altered in any character is
 * another key, verified afresh). What depends on the time is checked on
 * every request: a remembered token is refused once its `exp` passes, as
 * jsonwebtoken would refuse it. Tokens that fail are never remembered.
 * opsdesk keeps no revocation list (a token is good until its `exp`);
 * one added later would have to be checked here on every request.
 */
export class VerifiedTokens {
  private readonly key: KeyObject;
  private readonly capacity: number;
  private readonly now: () => number;
  /** In order of last use, the least recent first. */
  private readonly entries = new Map<string, VerifiedToken>();

  constructor(key: string | KeyObject, options: VerifiedTokensOptions = {}) {
    this.key = verificationKey(key);
    this.capacity = Math.max(1, options.capacity ?? VERIFIED_TOKENS_CAPACITY);
    this.now = options.now ?? Date.now;
  }

  /** The principal of an `Authorization` header, or AuthenticationError. */
  principalOf(header: string | undefined): Principal {
    const token = bearerToken(header);
    const now = this.now();
    const known = this.entries.get(token);
    if (known) {
      try {
        checkTokenTimes(known, now);
      } catch (error) {
        this.entries.delete(token);
        throw error;
      }
      this.entries.delete(token);
      this.entries.set(token, known);
      return known.principal;
    }
    const verified = verifyToken(token, this.key, now);
    // Shared by every request that carries the token from now on.
    Object.freeze(verified.principal.roles);
    Object.freeze(verified.principal);
    this.remember(token, verified);
    return verified.principal;
  }

  /** How many tokens are remembered now. */
  get size(): number {
    return this.entries.size;
  }

  private remember(token: string, verified: VerifiedToken): void {
    if (this.entries.size >= this.capacity) {
      const leastRecent = this.entries.keys().next();
      if (!leastRecent.done) this.entries.delete(leastRecent.value);
    }
    this.entries.set(token, verified);
  }
}
