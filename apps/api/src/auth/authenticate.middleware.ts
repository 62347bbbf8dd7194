import type { Logger } from '@opsdesk/platform';
import type { NextFunction, Request, Response } from 'express';
import { AuthenticationError } from './bearer-tokens';
import { setPrincipal } from './principal';
import { VerifiedTokens } from './verified-tokens';

/**
 * Reachable without a token: liveness probes and metrics (counts and
 * ages, no ticket or person), the API description, and the dashboard's
 * static pages and scripts, which hold no data (each figure they then
 * fetch carries the viewer's token).
 */
const PUBLIC_PATHS = [
  /^\/health\/?$/,
  /^\/metrics\/?$/,
  /^\/docs(\/|$)/,
  /^\/dashboard(\/|$)/,
];

export function isPublicPath(path: string): boolean {
  return PUBLIC_PATHS.some((pattern) => pattern.test(path));
}

/**
 * Every request but the public ones carries a valid bearer token, checked
 * before its body is even read. Without one the answer is `401` in the
 * usual error shape; with one, the principal is attached to the request.
 * A token's signature and claims are checked once per process (its expiry
 * on every request): see VerifiedTokens.
 */
export function authenticate(key: string, logger: Logger) {
  const tokens = new VerifiedTokens(key);
  return (request: Request, response: Response, next: NextFunction) => {
    if (isPublicPath(request.path)) {
      next();
      return;
    }
    try {
      setPrincipal(request, tokens.principalOf(request.headers.authorization));
    } catch (error) {
      if (!(error instanceof AuthenticationError)) {
        next(error);
        return;
      }
      logger.debug({ code: error.code, path: request.path }, 'unauthenticated');
      response
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .json({
          error: { code: error.code, message: error.message, details: {} },
        });
      return;
    }
    next();
  };
}
