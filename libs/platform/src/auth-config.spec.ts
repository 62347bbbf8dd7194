import { isAbsolute, join, resolve } from 'node:path';
import { loadAuthConfig } from './auth-config';

const fail = (message: string) => new Error(message);

// This file sits in libs/platform/src, three levels below the root.
const repositoryRoot = resolve(__dirname, '..', '..', '..');

describe('the development key file', () => {
  it('is .opsdesk/dev-signing-key at the repository root by default', () => {
    expect(loadAuthConfig({}, fail).authDevKeyFile).toBe(
      join(repositoryRoot, '.opsdesk', 'dev-signing-key'),
    );
  });

  it('is absolute, also when AUTH_DEV_KEY_FILE is empty', () => {
    // A relative default names another file in each directory a tool is
    // started from, and the token it signs is rejected by the API.
    expect(isAbsolute(loadAuthConfig({}, fail).authDevKeyFile)).toBe(true);
    expect(loadAuthConfig({ AUTH_DEV_KEY_FILE: '' }, fail).authDevKeyFile).toBe(
      join(repositoryRoot, '.opsdesk', 'dev-signing-key'),
    );
  });

  it('is AUTH_DEV_KEY_FILE exactly as given when set', () => {
    expect(
      loadAuthConfig({ AUTH_DEV_KEY_FILE: 'keys/dev-key' }, fail)
        .authDevKeyFile,
    ).toBe('keys/dev-key');
    expect(
      loadAuthConfig({ AUTH_DEV_KEY_FILE: '/srv/opsdesk/dev-key' }, fail)
        .authDevKeyFile,
    ).toBe('/srv/opsdesk/dev-key');
  });
});
