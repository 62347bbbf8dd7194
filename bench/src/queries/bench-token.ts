import { randomBytes } from 'node:crypto';
import * as domain from '@opsdesk/domain';
import { WORKER_ROLES } from '@opsdesk/messaging';

/** Roles that see every subsidiary's tickets, where the domain has them. */
function headquartersRoles(): string[] {
  const roles = (domain as Record<string, unknown>).HEADQUARTERS_ROLES;
  return Array.isArray(roles) ? (roles as string[]) : [];
}

type IssueToken = (
  principal: {
    id: string;
    roles: readonly string[];
    subsidiary: string;
    name?: string;
  },
  key: string,
  expiresInSeconds: number,
) => string;

/** What a token may carry (the API refuses more). */
const MAX_TOKEN_ROLES = 16;

/** A signing key for this run's API process alone; never written down. */
export function benchSigningKey(): string {
  return randomBytes(32).toString('hex');
}

/**
 * A headquarters token holding every worker role too, so every ticket
 * and inbox is visible, signed with `key` by the API's own issuer. Loaded
 * at run time: an API without bearer tokens needs none (undefined).
 */
export function benchToken(key: string): string | undefined {
  let issueToken: IssueToken | undefined;
  try {
    issueToken = (
      require('@opsdesk/app-api/dist/auth/bearer-tokens') as {
        issueToken?: IssueToken;
      }
    ).issueToken;
  } catch {
    return undefined;
  }
  return issueToken?.(
    {
      id: 'bench-reader',
      // `system` is the automation's own role, never a person's.
      roles: [
        ...headquartersRoles(),
        ...WORKER_ROLES.filter((r) => r !== 'system'),
      ].slice(0, MAX_TOKEN_ROLES),
      subsidiary: 'hq',
      name: 'bench',
    },
    key,
    4 * 3600,
  );
}
