import {
  isRoleId,
  permissionOf,
  type Actor,
  type RoleId,
} from '@opsdesk/domain';
import type { Request } from 'express';
import { ApiError } from '../http/api-error';
import {
  baseRoleOf,
  heldRoles,
  isHeadquarters,
  leads,
  principalOf,
  type Principal,
} from './principal';

/** The principal of an authenticated route (the middleware saw to it). */
export function requirePrincipal(request: Request): Principal {
  const principal = principalOf(request);
  if (!principal) {
    throw new ApiError(401, 'UNAUTHENTICATED', 'A bearer token is required');
  }
  return principal;
}

/**
 * The role a person acts in: `X-Act-As` if given (it must be one the
 * token holds), else the first of `preferred` the token holds, else the
 * token's first role. The permission check then decides.
 */
export function actingRole(
  request: Request,
  principal: Principal,
  preferred: readonly RoleId[],
  permission: string,
): RoleId {
  const held = heldRoles(principal);
  const asked = request.header('x-act-as');
  if (asked !== undefined) {
    const base = baseRoleOf(asked);
    if (!isRoleId(base)) {
      throw new ApiError(400, 'INVALID_REQUEST', 'Unknown X-Act-As role', {
        fields: [{ field: 'header.x-act-as', problems: ['unknown role'] }],
      });
    }
    if (!held.includes(base)) {
      throw new ApiError(
        403,
        'ROLE_NOT_HELD',
        `The token does not hold the role ${base}`,
        { role: base, permission },
      );
    }
    return base;
  }
  return preferred.find((role) => held.includes(role)) ?? held[0];
}

/**
 * The actor of a command, entirely from the verified token: who, in which
 * role, for which subsidiary, leading the role or not.
 */
export function actingActor(
  request: Request,
  defaultRole: RoleId,
  processId: string,
  command: string,
): Actor {
  const principal = requirePrincipal(request);
  const role = actingRole(
    request,
    principal,
    [defaultRole],
    permissionOf(processId, command),
  );
  return {
    id: principal.id,
    role,
    kind: 'person',
    subsidiary: principal.subsidiary,
    ...(principal.name !== undefined ? { name: principal.name } : {}),
    ...(principal.org !== undefined ? { org: principal.org } : {}),
    ...(leads(principal, role) ? { lead: true } : {}),
    ...(isHeadquarters(principal) ? { headquarters: true } : {}),
  };
}
