import { ConfigError, loadConfig } from '../config';

describe('lease settings from the environment', () => {
  it('default to a one-second poll and a five-second lease', () => {
    expect(loadConfig({})).toMatchObject({
      leasePollMs: 1000,
      leaseTtlMs: 5000,
    });
  });

  it('take LEASE_POLL_MS and LEASE_TTL_MS', () => {
    expect(
      loadConfig({ LEASE_POLL_MS: '200', LEASE_TTL_MS: '1500' }),
    ).toMatchObject({ leasePollMs: 200, leaseTtlMs: 1500 });
  });

  it.each([
    ['a lease no longer than the poll', { LEASE_TTL_MS: '1000' }],
    ['a zero poll', { LEASE_POLL_MS: '0' }],
    ['a lease that is not a number', { LEASE_TTL_MS: 'soon' }],
  ])('refuse %s', (_, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
  });
});
