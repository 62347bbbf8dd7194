import type { Actor } from './actor';
import type { RoleId } from './roles';

/** Roles of headquarters (总部): they see every subsidiary's tickets. */
export const HEADQUARTERS_ROLES: readonly RoleId[] = ['hq-cs-manager'];

/** A token role that makes its holder the lead of `role`. */
export function leadRoleOf(role: RoleId): string {
  return `${role}-lead`;
}

/**
 * Whether the actor may see and act on what belongs to `subsidiaryId`
 * (undefined for a ticket written before tickets had one; only
 * headquarters sees those). Automatic work runs for the whole system.
 */
export function actorSees(
  actor: Actor,
  subsidiaryId: string | undefined,
): boolean {
  return (
    actor.kind === 'automatic' ||
    actor.headquarters === true ||
    (actor.subsidiary !== undefined && actor.subsidiary === subsidiaryId) ||
    (actor.subsidiary === undefined && subsidiaryId === undefined)
  );
}
