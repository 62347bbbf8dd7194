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

/**
 * The principal of an `Authorization: Bearer <token>` header. Only HS256
 * under our key and issuer, with an expiry that has not passed.
 */
export function verifyBearer(
  header: string | undefined,
  key: string,
): Principal {
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
  let claims: unknown;
  try {
    claims = jwt.verify(match[1], key, {
      algorithms: [ALGORITHM],
      issuer: TOKEN_ISSUER,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
  } catch (error) {
    if (error instanceof jwt.TokenExpiredError) {
      throw new AuthenticationError('TOKEN_EXPIRED', 'The token has expired');
    }
    throw new AuthenticationError('UNAUTHENTICATED', 'The token is not valid');
  }
  if (typeof (claims as { exp?: unknown }).exp !== 'number') {
    throw new AuthenticationError('UNAUTHENTICATED', 'The token has no expiry');
  }
  try {
    return principalFromClaims(claims);
  } catch (error) {
    if (!(error instanceof InvalidClaimsError)) throw error;
    throw new AuthenticationError(
      'UNAUTHENTICATED',
      `The token's ${error.claim} claim is not valid`,
    );
  }
}
