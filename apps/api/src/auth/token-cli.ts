import { UsageError } from '@opsdesk/runtime';
import { issueToken } from './bearer-tokens';
import { InvalidClaimsError } from './token-claims';

export const TOKEN_USAGE =
  'usage: npm run token -- --sub <id> --role <role> [--role <role>…] --subsidiary <sh|jq|hq> [--name <name>] [--org <team or supplier>] [--ttl <seconds|8h|30m>]';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

function seconds(ttl: string): number {
  const match = /^(\d{1,6})([smhd]?)$/.exec(ttl);
  if (!match) {
    throw new UsageError(`--ttl ${ttl} is not a duration; ${TOKEN_USAGE}`);
  }
  return Number(match[1]) * UNITS[match[2] || 's'];
}

/** `--flag value` pairs; a repeated or comma-separated `--role` adds roles. */
function parse(argv: readonly string[]) {
  const values: Record<string, string> = {};
  const roles: string[] = [];
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!flag?.startsWith('--') || value === undefined) {
      throw new UsageError(TOKEN_USAGE);
    }
    const name = flag.slice(2);
    if (name === 'role' || name === 'roles') roles.push(...value.split(','));
    else if (['sub', 'subsidiary', 'name', 'org', 'ttl'].includes(name)) {
      values[name] = value;
    } else throw new UsageError(`Unknown flag ${flag}; ${TOKEN_USAGE}`);
  }
  if (!values.sub || !values.subsidiary || roles.length === 0) {
    throw new UsageError(TOKEN_USAGE);
  }
  return { values, roles };
}

/**
 * The token `npm run token -- <argv>` prints, signed with `key`; a
 * `UsageError` naming the problem when the arguments or claims are bad.
 */
export function tokenFromArgs(argv: readonly string[], key: string): string {
  const { values, roles } = parse(argv);
  try {
    return issueToken(
      {
        id: values.sub,
        roles,
        subsidiary: values.subsidiary,
        ...(values.name !== undefined ? { name: values.name } : {}),
        ...(values.org !== undefined ? { org: values.org } : {}),
      },
      key,
      seconds(values.ttl ?? '8h'),
    );
  } catch (error) {
    if (error instanceof InvalidClaimsError) {
      throw new UsageError(`${error.message}; ${TOKEN_USAGE}`);
    }
    throw error;
  }
}
