import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  ConfigError,
  MIN_SIGNING_KEY_LENGTH,
  type AuthConfig,
} from '@opsdesk/platform';

export interface SigningKey {
  key: string;
  /** `configured`: AUTH_SIGNING_KEY; `development`: the machine-local file. */
  source: 'configured' | 'development';
  /** Where the development key lives, for the log line. */
  file?: string;
}

export function isLoopbackHost(host: string): boolean {
  return (
    host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/**
 * The development key: 32 random bytes (hex) in a file only its owner can
 * read, made on first use. It is never a well-known value, so a token for
 * a laptop's opsdesk can only be made by someone who can read that file
 * (`npm run token` does).
 */
export function developmentKey(file: string): SigningKey {
  const path = resolve(file);
  try {
    const existing = readFileSync(path, 'utf8').trim();
    if (existing.length >= MIN_SIGNING_KEY_LENGTH) {
      return { key: existing, source: 'development', file: path };
    }
    throw new ConfigError(
      `The development signing key in ${path} is too short; delete the file to make a new one`,
    );
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('hex');
  try {
    writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as { code?: string }).code === 'EEXIST') {
      return developmentKey(file);
    }
    throw error;
  }
  return { key, source: 'development', file: path };
}

/**
 * The key an API listening on `host` verifies tokens with. Without
 * AUTH_SIGNING_KEY it uses the development key, but only on a loopback
 * address (or with AUTH_DEV_KEY=1), and never with AUTH_DEV_KEY=0.
 */
export function resolveSigningKey(
  config: AuthConfig,
  host: string,
): SigningKey {
  if (config.authSigningKey) {
    return { key: config.authSigningKey, source: 'configured' };
  }
  const allowed =
    config.authDevKey === 'always' ||
    (config.authDevKey === 'auto' && isLoopbackHost(host));
  if (!allowed) {
    throw new ConfigError(
      `AUTH_SIGNING_KEY is not set; set it to a secret of at least ${MIN_SIGNING_KEY_LENGTH} characters (e.g. openssl rand -hex 32), or set AUTH_DEV_KEY=1 to use the development key`,
    );
  }
  return developmentKey(config.authDevKeyFile);
}

/** The key tokens are signed with by the tools (`npm run token`, the demo). */
export function signingKeyForTools(config: AuthConfig): SigningKey {
  if (config.authSigningKey) {
    return { key: config.authSigningKey, source: 'configured' };
  }
  if (config.authDevKey === 'never') {
    throw new ConfigError(
      'AUTH_SIGNING_KEY is not set and AUTH_DEV_KEY=0 forbids the development key',
    );
  }
  return developmentKey(config.authDevKeyFile);
}
