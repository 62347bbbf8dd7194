/** One seed node of a Redis Cluster. */
export interface RedisClusterNode {
  host: string;
  port: number;
}

/** Where a Redis Cluster is and how to log in to it. */
export interface RedisClusterSettings {
  /** Seed nodes; the client learns the rest of the cluster from them. */
  nodes: RedisClusterNode[];
  username?: string;
  password?: string;
}

/**
 * Reads `REDIS_CLUSTER_NODES`: a comma-separated list of `host:port` or
 * `redis://[user:password@]host:port` entries. Credentials, when given,
 * come from the first entry that carries them (every node of a cluster
 * shares them).
 * TODO(#12): no TLS (`rediss://`) yet, which most managed clusters want.
 */
export function parseRedisClusterNodes(
  value: string,
  fail: (message: string) => Error,
): RedisClusterSettings {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) {
    throw fail('REDIS_CLUSTER_NODES must list at least one host:port');
  }
  const settings: RedisClusterSettings = { nodes: [] };
  for (const entry of entries) {
    let url: URL;
    try {
      url = new URL(entry.includes('://') ? entry : `redis://${entry}`);
    } catch {
      throw fail(`REDIS_CLUSTER_NODES entry "${entry}" is not host:port`);
    }
    const port = Number(url.port);
    if (url.protocol !== 'redis:' || !url.hostname || !url.port || !port) {
      throw fail(`REDIS_CLUSTER_NODES entry "${entry}" is not host:port`);
    }
    settings.nodes.push({ host: url.hostname, port });
    if (url.password && settings.password === undefined) {
      settings.username = url.username || undefined;
      settings.password = decodeURIComponent(url.password);
    }
  }
  return settings;
}
