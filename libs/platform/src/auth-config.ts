import { resolve } from 'node:path';

/** Identity and request limits, read from the environment. */
export interface AuthConfig {
  /** HS256 key of bearer tokens (`AUTH_SIGNING_KEY`, 32 characters or more). */
  authSigningKey?: string;
  /**
   * `AUTH_DEV_KEY`: without a signing key, `auto` uses the machine-local
   * development key only when the API listens on a loopback address,
   * `always` uses it on any address, `never` refuses to start.
   */
  authDevKey: 'auto' | 'always' | 'never';
  /**
   * Where the development key is kept (created on first use, mode 0600):
   * `AUTH_DEV_KEY_FILE` as given, else `DEFAULT_DEV_KEY_FILE`.
   */
  authDevKeyFile: string;
  /** Requests one token may make per minute before answers turn 429. */
  rateLimitPerMinute: number;
}

export const MIN_SIGNING_KEY_LENGTH = 32;

/**
 * `.opsdesk/dev-signing-key` at the repository root (same depth from src
 * and dist), not under the current directory: the API and
 * `node <repo>/apps/api/dist/token.js` run from anywhere must find one
 * key, or the tool signs with a second key the API rejects.
 */
export const DEFAULT_DEV_KEY_FILE = resolve(
  __dirname,
  '..',
  '..',
  '..',
  '.opsdesk',
  'dev-signing-key',
);

const DEV_KEY_MODES: Record<string, AuthConfig['authDevKey']> = {
  '': 'auto',
  auto: 'auto',
  '1': 'always',
  always: 'always',
  '0': 'never',
  never: 'never',
};

/** The auth part of the configuration; throws `ConfigError` on bad values. */
export function loadAuthConfig(
  env: NodeJS.ProcessEnv,
  fail: (message: string) => Error,
): AuthConfig {
  const key = env.AUTH_SIGNING_KEY || undefined;
  if (key !== undefined && key.length < MIN_SIGNING_KEY_LENGTH) {
    throw fail(
      `AUTH_SIGNING_KEY must be at least ${MIN_SIGNING_KEY_LENGTH} characters (e.g. openssl rand -hex 32)`,
    );
  }
  const mode = DEV_KEY_MODES[env.AUTH_DEV_KEY ?? ''];
  if (mode === undefined) {
    throw fail('AUTH_DEV_KEY must be one of 1, 0, auto, always, never');
  }
  const rate = Number(env.RATE_LIMIT_PER_MINUTE || 600);
  if (!Number.isInteger(rate) || rate < 1) {
    throw fail('RATE_LIMIT_PER_MINUTE must be a positive integer');
  }
  return {
    authSigningKey: key,
    authDevKey: mode,
    authDevKeyFile: env.AUTH_DEV_KEY_FILE || DEFAULT_DEV_KEY_FILE,
    rateLimitPerMinute: rate,
  };
}
