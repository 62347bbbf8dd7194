import type { RoleId } from './roles';

/**
 * Who performed an action. Automatic work a role does (routing,
 * assignment) is recorded with `kind: 'automatic'` under that role.
 */
export interface Actor {
  id: string;
  role: RoleId;
  kind: 'person' | 'automatic';
  subsidiary?: string;
  name?: string;
  /**
   * The lead of `role` (a `<role>-lead` token role): may act on a step
   * assigned to another member of the role.
   */
  lead?: boolean;
  /** Holds a headquarters role: sees and acts on every subsidiary's tickets. */
  headquarters?: boolean;
  /**
   * The operations team or supplier the person works for; a step assigned
   * to that team or supplier is theirs.
   */
  org?: string;
}
