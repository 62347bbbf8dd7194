import {
  leadRoleOf,
  ROLE_IDS,
  STATION_FAULT_ASSIGNED_ROLES,
  type RoleId,
} from '@opsdesk/domain';
import { SUBSIDIARIES } from '@opsdesk/stations';
import type { Principal } from './principal';

/** Headquarters staff carry this in `subsidiary`. */
export const HEADQUARTERS_SUBSIDIARY = 'hq';

export const ACTOR_ID_PATTERN = /^[\p{L}\p{N}._@-]{1,64}$/u;
const MAX_ROLES = 16;
const MAX_NAME = 50;

/**
 * The automatic role: timers and the platform's own steps act in it, so
 * no person holds it and no token carries it (a token claiming it is
 * refused; HTTP work run for the system is recorded as such by the API).
 */
export const AUTOMATIC_ROLE = 'system';

/**
 * Roles with a lead (`<role>-lead`): those with steps assigned to one
 * member, whose lead may act for any of them, and the subsidiary's
 * violation specialist, whose lead may enter a violation on a day other
 * than Monday or Thursday (P23 用户违章处理流程 4.1).
 */
export const LED_ROLES: readonly RoleId[] = [
  ...STATION_FAULT_ASSIGNED_ROLES,
  'subsidiary-violation-specialist',
];

/** Every role a token may carry: each role a person holds, and each lead. */
export const TOKEN_ROLES: readonly string[] = [
  ...ROLE_IDS.filter((role) => role !== AUTOMATIC_ROLE),
  ...LED_ROLES.map(leadRoleOf),
];

/** Roles a token may carry: people's roles, and the leads of `LED_ROLES`. */
export function isTokenRole(role: string): boolean {
  return TOKEN_ROLES.includes(role);
}

/** Why `role` may not be in a token, for a message. */
function refusedRole(role: unknown): string {
  if (role === AUTOMATIC_ROLE) {
    return `${AUTOMATIC_ROLE} is the automatic role, which no person holds`;
  }
  return `${String(role)} is not a role`;
}

export function isKnownSubsidiary(id: string): boolean {
  return (
    id === HEADQUARTERS_SUBSIDIARY || SUBSIDIARIES.some((s) => s.id === id)
  );
}

/** Why a token's claims are not acceptable. */
export class InvalidClaimsError extends Error {
  readonly code = 'INVALID_TOKEN_CLAIMS';

  constructor(
    readonly claim: string,
    reason?: string,
  ) {
    super(
      `The token's ${claim} claim is ${reason ? `not valid: ${reason}` : 'missing or malformed'}`,
    );
  }
}

/**
 * The principal a token's claims describe: `sub`, `roles` (an array),
 * `subsidiary`, and optionally `name` and `org`. Anything else in the
 * claims is ignored; anything malformed refuses the whole token.
 * TODO(#7): `org` names one team or supplier; a person who works for
 * several needs one token per org until it becomes a list.
 */
export function principalFromClaims(claims: unknown): Principal {
  if (typeof claims !== 'object' || claims === null) {
    throw new InvalidClaimsError('payload');
  }
  const { sub, roles, subsidiary, name, org } = claims as Record<
    string,
    unknown
  >;
  if (typeof sub !== 'string' || !ACTOR_ID_PATTERN.test(sub)) {
    throw new InvalidClaimsError('sub');
  }
  if (!Array.isArray(roles) || roles.length === 0 || roles.length > MAX_ROLES) {
    throw new InvalidClaimsError('roles');
  }
  const refused = roles.find(
    (role) => typeof role !== 'string' || !isTokenRole(role),
  );
  if (refused !== undefined) {
    throw new InvalidClaimsError('roles', refusedRole(refused));
  }
  if (typeof subsidiary !== 'string' || !isKnownSubsidiary(subsidiary)) {
    throw new InvalidClaimsError('subsidiary');
  }
  if (
    name !== undefined &&
    (typeof name !== 'string' || [...name].length > MAX_NAME)
  ) {
    throw new InvalidClaimsError('name');
  }
  if (
    org !== undefined &&
    (typeof org !== 'string' || !ACTOR_ID_PATTERN.test(org))
  ) {
    throw new InvalidClaimsError('org');
  }
  return {
    id: sub,
    roles: [...new Set(roles as string[])],
    subsidiary,
    ...(name !== undefined ? { name: name as string } : {}),
    ...(org !== undefined ? { org: org as string } : {}),
  };
}
