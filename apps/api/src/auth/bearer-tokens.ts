import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { principalFromClaims, InvalidClaimsError } from './token-claims';
import type { Principal } from './principal';

export const TOKEN_ISSUER = 'opsdesk';
const ALGORITHM = 'HS256';
const MAX_TOKEN_LENGTH = 4096;
/** Tolerated clock difference between the issuer and this process. */
const CLOCK_TOLERANCE_SECONDS = 5;

/** A request without a usable bearer token (always answered 401). */
export class AuthenticationError extends Error {
  constructor(
    readonly code: 'UNAUTHENTICATED' | 'TOKEN_EXPIRED',
    message: string,
  ) {
    super(message);
  }
}

/** A signed HS256 token for the principal, valid for `expiresInSeconds`. */
export function issueToken(
  principal: Principal,
  key: string,
  expiresInSeconds: number,
): string {
  // The claims are checked as a verifier will check them.
  const checked = principalFromClaims({
    sub: principal.id,
    roles: principal.roles,
    subsidiary: principal.subsidiary,
    name: principal.name,
    org: principal.org,
  });
  return jwt.sign(
    {
      roles: checked.roles,
      subsidiary: checked.subsidiary,
      ...(checked.name !== undefined ? { name: checked.name } : {}),
      ...(checked.org !== undefined ? { org: checked.org } : {}),
    },
    key,
    {
      algorithm: ALGORITHM,
      subject: checked.id,
      issuer: TOKEN_ISSUER,
      expiresIn: expiresInSeconds,
    },
  );
}

/** A bearer token that passed every check, with the times it is held to. */
export interface VerifiedToken {
  principal: Principal;
  /** `exp`, seconds since the epoch. */
  expiresAt: number;
  /** `nbf`, seconds since the epoch, when the token carries one. */
  notBefore?: number;
}

/**
 * The key as a `KeyObject`, made once. Given a string, jsonwebtoken tries
 * to parse it as a PEM public key on every call before it falls back to a
 * secret key, and that failed parse was most of a request's CPU.
 */
export function verificationKey(key: string | KeyObject): KeyObject {
  return typeof key === 'string'
    ? createSecretKey(Buffer.from(key, 'utf8'))
    : key;
}

/** The token of an `Authorization: Bearer <token>` header, not yet verified. */
export function bearerToken(header: string | undefined): string {
  if (header === undefined || header === '') {
    throw new AuthenticationError(
      'UNAUTHENTICATED',
      'A bearer token is required (Authorization: Bearer <token>)',
    );
  }
  const match =
    /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header);
  if (!match || header.length > MAX_TOKEN_LENGTH) {
    throw new AuthenticationError(
      'UNAUTHENTICATED',
      'The Authorization header must be "Bearer <token>" with a token of three base64url parts',
    );
  }
  return match[1];
}

/**
 * Refuses a token `exp` and `nbf` no longer (or not yet) allow at `nowMs`,
 * exactly as jsonwebtoken's own checks would, clock tolerance included.
 */
export function checkTokenTimes(
  times: Pick<VerifiedToken, 'expiresAt' | 'notBefore'>,
  nowMs: number,
): void {
  const now = Math.floor(nowMs / 1000);
  if (
    times.notBefore !== undefined &&
    times.notBefore > now + CLOCK_TOLERANCE_SECONDS
  ) {
    throw new AuthenticationError('UNAUTHENTICATED', 'The token is not valid');
  }
  if (now >= times.expiresAt + CLOCK_TOLERANCE_SECONDS) {
    throw new AuthenticationError('TOKEN_EXPIRED', 'The token has expired');
  }
}

/**
 * Every check of a token: only HS256 under our key and issuer, an expiry
 * that has not passed at `nowMs`, and claims a principal can be made of.
 */
export function verifyToken(
  token: string,
  key: string | KeyObject,
  nowMs: number = Date.now(),
): VerifiedToken {
  let claims: unknown;
  try {
    claims = jwt.verify(token, verificationKey(key), {
      algorithms: [ALGORITHM],
      issuer: TOKEN_ISSUER,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      clockTimestamp: Math.floor(nowMs / 1000),
    });
  } catch (error) {
    if (error instanceof jwt.TokenExpiredError) {
      throw new AuthenticationError('TOKEN_EXPIRED', 'The token has expired');
    }
    throw new AuthenticationError('UNAUTHENTICATED', 'The token is not valid');
  }
  const { exp, nbf } = claims as { exp?: unknown; nbf?: unknown };
  if (typeof exp !== 'number') {
    throw new AuthenticationError('UNAUTHENTICATED', 'The token has no expiry');
  }
  try {
    return {
      principal: principalFromClaims(claims),
      expiresAt: exp,
      // jsonwebtoken has refused any `nbf` that is not a number.
      ...(typeof nbf === 'number' ? { notBefore: nbf } : {}),
    };
  } catch (error) {
    if (!(error instanceof InvalidClaimsError)) throw error;
    throw new AuthenticationError(
      'UNAUTHENTICATED',
      `The token's ${error.claim} claim is not valid`,
    );
  }
}

/**
 * The principal of an `Authorization: Bearer <token>` header. Only HS256
 * under our key and issuer, with an expiry that has not passed.
 */
export function verifyBearer(
  header: string | undefined,
  key: string | KeyObject,
  nowMs: number = Date.now(),
): Principal {
  return verifyToken(bearerToken(header), key, nowMs).principal;
}
