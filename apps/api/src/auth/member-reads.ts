import type { NextFunction, Request, Response } from 'express';
import { isPublicPath } from './authenticate.middleware';
import { principalOf } from './principal';

/** The app's member (用户): a person outside the operator. */
const MEMBER_ROLE = 'user';

/**
 * What a member may read: the outcome of a command (its id is the
 * member's own, unguessable) and the stations and regions.
 */
const MEMBER_READABLE = [
  /^\/commands\/[^/]+\/?$/,
  /^\/stations(\/[^/]+)?\/?$/,
  /^\/regions\/?$/,
];

/**
 * The read endpoints show whole tickets of a subsidiary, reporters' and
 * buyers' names and phones included: staff work. A token whose only role
 * is the app's member gets `403` on them; the member acts through the
 * commands of their processes (an invoice, a repair booking), whose
 * answers carry the ticket they made. TODO(#7): reads scoped to one
 * member's own tickets, and to the tickets an outside supplier holds.
 */
export function membersReadNoTickets(
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  const principal = principalOf(request);
  const isRead = request.method === 'GET' || request.method === 'HEAD';
  if (
    !isRead ||
    !principal ||
    isPublicPath(request.path) ||
    !principal.roles.every((role) => role === MEMBER_ROLE) ||
    MEMBER_READABLE.some((pattern) => pattern.test(request.path))
  ) {
    next();
    return;
  }
  response.status(403).json({
    error: {
      code: 'ROLE_NOT_PERMITTED',
      message: 'A member of the app reads no tickets through this API',
      details: { role: MEMBER_ROLE, permission: 'tickets:read' },
    },
  });
}
