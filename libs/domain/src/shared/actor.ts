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
}
