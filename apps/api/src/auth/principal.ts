import {
  HEADQUARTERS_ROLES,
  isRoleId,
  leadRoleOf,
  type RoleId,
} from '@opsdesk/domain';
import type { Request } from 'express';

/** The person a verified bearer token speaks for. */
export interface Principal {
  /** The token's `sub`. */
  id: string;
  /** The token's roles as written: role ids and `<role>-lead`. */
  roles: readonly string[];
  subsidiary: string;
  name?: string;
  /** The operations team or supplier the person works for. */
  org?: string;
}

const PRINCIPAL = Symbol('opsdesk:principal');

type WithPrincipal = Request & { [PRINCIPAL]?: Principal };

export function setPrincipal(request: Request, principal: Principal): void {
  (request as WithPrincipal)[PRINCIPAL] = principal;
}

/** The caller; undefined only on the public paths. */
export function principalOf(request: Request): Principal | undefined {
  return (request as WithPrincipal)[PRINCIPAL];
}

const LEAD_SUFFIX = '-lead';

/** `regional-inspector` for `regional-inspector-lead`; other roles as given. */
export function baseRoleOf(role: string): string {
  return role.endsWith(LEAD_SUFFIX) ? role.slice(0, -LEAD_SUFFIX.length) : role;
}

/** The roles the person may act in: each role held, or led. */
export function heldRoles(principal: Principal): RoleId[] {
  return [...new Set(principal.roles.map(baseRoleOf))].filter(isRoleId);
}

export function leads(principal: Principal, role: RoleId): boolean {
  return principal.roles.includes(leadRoleOf(role));
}

export function isHeadquarters(principal: Principal): boolean {
  return principal.roles.some((role) =>
    (HEADQUARTERS_ROLES as readonly string[]).includes(role),
  );
}

/**
 * The subsidiary whose tickets the caller sees, or undefined for
 * headquarters, who sees every one.
 */
export function scopeOf(principal: Principal): { subsidiaryId?: string } {
  return isHeadquarters(principal)
    ? {}
    : { subsidiaryId: principal.subsidiary };
}
