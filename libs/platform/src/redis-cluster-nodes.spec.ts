import { ConfigError, loadConfig } from './config';

describe('REDIS_CLUSTER_NODES', () => {
  it('is absent by default: one Redis at REDIS_URL', () => {
    expect(loadConfig({}).redisCluster).toBeUndefined();
  });

  it('reads host:port seeds and credentials from a redis:// entry', () => {
    const config = loadConfig({
      REDIS_CLUSTER_NODES:
        '127.0.0.1:7001, redis://ops:s%40cret@127.0.0.1:7002,127.0.0.1:7003',
    });
    expect(config.redisCluster).toEqual({
      nodes: [
        { host: '127.0.0.1', port: 7001 },
        { host: '127.0.0.1', port: 7002 },
        { host: '127.0.0.1', port: 7003 },
      ],
      username: 'ops',
      password: 's@cret',
    });
  });

  it.each([
    ['an entry without a port', '127.0.0.1:7001,127.0.0.1'],
    ['another scheme', 'http://127.0.0.1:7001'],
    ['only commas', ' , '],
  ])('refuses %s, naming the variable', (_case, value) => {
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: value })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: value })).toThrow(
      /REDIS_CLUSTER_NODES/,
    );
  });
});
