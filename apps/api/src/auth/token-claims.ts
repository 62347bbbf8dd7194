import {
  isRoleId,
  leadRoleOf,
  STATION_FAULT_ASSIGNED_ROLES,
} from '@opsdesk/domain';
import { SUBSIDIARIES } from '@opsdesk/stations';
import type { Principal } from './principal';

/** Headquarters staff carry this in `subsidiary`. */
export const HEADQUARTERS_SUBSIDIARY = 'hq';

export const ACTOR_ID_PATTERN = /^[\p{L}\p{N}._@-]{1,64}$/u;
const MAX_ROLES = 16;
const MAX_NAME = 50;

/** Roles a token may carry: people's roles, and the leads of assigned steps. */
export function isTokenRole(role: string): boolean {
  if (role === 'system') return false;
  return (
    isRoleId(role) ||
    STATION_FAULT_ASSIGNED_ROLES.some((base) => leadRoleOf(base) === role)
  );
}

export function isKnownSubsidiary(id: string): boolean {
  return (
    id === HEADQUARTERS_SUBSIDIARY || SUBSIDIARIES.some((s) => s.id === id)
  );
}

/** Why a token's claims are not acceptable. */
export class InvalidClaimsError extends Error {
  readonly code = 'INVALID_TOKEN_CLAIMS';

  constructor(readonly claim: string) {
    super(`The token's ${claim} claim is missing or malformed`);
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
  if (
    !Array.isArray(roles) ||
    roles.length === 0 ||
    roles.length > MAX_ROLES ||
    !roles.every((role) => typeof role === 'string' && isTokenRole(role))
  ) {
    throw new InvalidClaimsError('roles');
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
