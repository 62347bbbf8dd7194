import type { RoleId } from '@opsdesk/domain';
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from '../http/api-error';
import { requirePrincipal } from './acting-actor';
import { heldRoles } from './principal';

/**
 * Who may see and retry the queues' jobs: headquarters' technical
 * management, who fixes what made a job fail, and the headquarters
 * customer-service manager. A job carries a ticket's whole command, the
 * reporter's phone included, so no desk role of a subsidiary sees them.
 */
export const OPERATOR_ROLES: readonly RoleId[] = [
  'tech-manager',
  'hq-cs-manager',
];

/** The permission a 403 names when the caller holds no operator role. */
export const OPERATIONS_PERMISSION = 'operations:queues';

/** The caller holds an operator role, or a `403` naming the permission. */
export function requireOperator(request: Request): void {
  const principal = requirePrincipal(request);
  const held = heldRoles(principal);
  if (!OPERATOR_ROLES.some((role) => held.includes(role))) {
    throw new ApiError(
      403,
      'ROLE_NOT_PERMITTED',
      `Only ${OPERATOR_ROLES.join(' or ')} may see the queues`,
      {
        roles: held,
        allowed: OPERATOR_ROLES,
        permission: OPERATIONS_PERMISSION,
      },
    );
  }
}

/**
 * `requireOperator` as express middleware, for routers mounted outside
 * Nest (the queue board): a refusal answers in the usual error shape.
 */
export function operatorsOnly(
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  try {
    requireOperator(request);
  } catch (error) {
    if (!(error instanceof ApiError)) {
      next(error);
      return;
    }
    response.status(error.getStatus()).json(error.getResponse());
    return;
  }
  next();
}
