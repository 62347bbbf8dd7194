import type { ConnectionOptions } from 'bullmq';
import Redis, { type Cluster, type RedisOptions } from 'ioredis';
import { clusterConnectionOptions, createClusterClient } from './redis-cluster';
import type { RedisClusterSettings } from './redis-cluster-nodes';

/**
 * A connection fit for BullMQ workers: BullMQ needs
 * `maxRetriesPerRequest: null` on every connection it blocks on.
 */
export function createRedis(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, ...extra });
}

export interface RedisConnectionOptions {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  maxRetriesPerRequest: null;
}

/** Connection options for BullMQ and ioredis from a redis:// URL. */
export function redisConnectionOptions(url: string): RedisConnectionOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    maxRetriesPerRequest: null,
  };
}

/** Which Redis opsdesk uses: one server, or a cluster when one is set. */
export interface RedisSettings {
  redisUrl: string;
  /** From `REDIS_CLUSTER_NODES`; takes the place of `redisUrl` when set. */
  redisCluster?: RedisClusterSettings;
}

/**
 * What every BullMQ Queue, Worker, QueueEvents and FlowProducer of opsdesk
 * is given: the same call for one Redis and for a cluster, so that moving
 * to a cluster is configuration, not a second code path.
 */
export function bullConnection(settings: RedisSettings): ConnectionOptions {
  return settings.redisCluster
    ? clusterConnectionOptions(settings.redisCluster)
    : redisConnectionOptions(settings.redisUrl);
}

/** A plain client (not BullMQ's) to the configured Redis or cluster. */
export function createRedisClient(settings: RedisSettings): Redis | Cluster {
  return settings.redisCluster
    ? createClusterClient(settings.redisCluster)
    : createRedis(settings.redisUrl);
}

/**
 * Closes a plain client. Connected, it first waits for the replies to
 * what it has sent, up to `boundMs`; otherwise, or past the bound, it
 * drops the connection: a QUIT queued behind commands sent while Redis
 * was away would wait for Redis to come back, and one sent to a server
 * that does not answer would wait for ever.
 */
export async function closeRedisClient(
  client: Redis | Cluster,
  boundMs = 2_000,
): Promise<void> {
  if (client.status === 'ready') {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), boundMs);
    });
    const quit = client.quit().then(
      () => true,
      () => true,
    );
    const closed = await Promise.race([quit, late]);
    clearTimeout(timer);
    if (closed) return;
  }
  client.disconnect();
}
