import { leadRoleOf, type RoleId } from '@opsdesk/domain';
import { issueToken } from '../auth/bearer-tokens';
import type { Actor, TokenSource } from './opsdesk-client';

/**
 * Tokens signed with the key the API checks them with, one per actor: a
 * person in one role (and its lead role, and headquarters, if asked),
 * of the subsidiary named (`sh` if none), valid for an hour.
 */
export function signedTokens(key: string): TokenSource {
  return (actor: Actor) => {
    const role = (actor.role ?? 'cs-phone-agent') as RoleId;
    return issueToken(
      {
        id: actor.id ?? `desk-${role}`,
        roles: [
          role,
          ...(actor.lead ? [leadRoleOf(role)] : []),
          ...(actor.headquarters ? ['hq-cs-manager'] : []),
        ],
        subsidiary: actor.subsidiary ?? 'sh',
        ...(actor.org ? { org: actor.org } : {}),
      },
      key,
      3600,
    );
  };
}
