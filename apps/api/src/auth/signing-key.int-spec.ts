import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, type AuthConfig } from '@opsdesk/platform';
import { resolveSigningKey, signingKeyForTools } from './signing-key';

describe('the key an API checks tokens with', () => {
  let dir: string;
  let config: AuthConfig;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'opsdesk-key-'));
    config = {
      authDevKey: 'auto',
      authDevKeyFile: join(dir, 'nested', 'dev-signing-key'),
      rateLimitPerMinute: 600,
    };
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is AUTH_SIGNING_KEY when it is set, on any address', () => {
    const key = 's'.repeat(32);
    expect(
      resolveSigningKey({ ...config, authSigningKey: key }, '0.0.0.0'),
    ).toEqual({ key, source: 'configured' });
  });

  it('is a random development key, readable by its owner only, on a loopback address', () => {
    const first = resolveSigningKey(config, '127.0.0.1');
    expect(first.source).toBe('development');
    expect(first.key).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(config.authDevKeyFile).mode & 0o777).toBe(0o600);
    // The token tool signs with the same key the API checks with.
    expect(signingKeyForTools(config).key).toBe(first.key);
    expect(resolveSigningKey(config, '::1').key).toBe(first.key);
  });

  it('is refused on another address unless AUTH_DEV_KEY=1', () => {
    expect(() => resolveSigningKey(config, '0.0.0.0')).toThrow(ConfigError);
    expect(
      resolveSigningKey({ ...config, authDevKey: 'always' }, '0.0.0.0').source,
    ).toBe('development');
  });

  it('is refused everywhere with AUTH_DEV_KEY=0', () => {
    const never = { ...config, authDevKey: 'never' as const };
    expect(() => resolveSigningKey(never, '127.0.0.1')).toThrow(ConfigError);
    expect(() => signingKeyForTools(never)).toThrow(ConfigError);
  });
});
