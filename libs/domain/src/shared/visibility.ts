import type { Actor } from './actor';
import type { RoleId } from './roles';

/**
 * Roles of headquarters (总部): they see every subsidiary's tickets. The
 * manual places exactly these at headquarters: 总部客服经理 (P01 4.3),
 * 总部技术管理岗 (P01 3.6; P25 4.3 反馈总部信息至技术管理岗) and
 * 总部市场与品牌管理部公关管理岗 (P14). The outsourced centre's manager
 * reports to a subsidiary's operations head (P14, as its flowchart boxes
 * read) and the marketing post is not named as headquarters (P29), so
 * they stay with their subsidiary, as do the centre's own staff.
 */
export const HEADQUARTERS_ROLES: readonly RoleId[] = [
  'hq-cs-manager',
  'tech-manager',
  'hq-pr-manager',
];

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
