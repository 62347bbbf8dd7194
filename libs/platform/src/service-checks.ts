import Redis, { Cluster } from 'ioredis';
import { Client } from 'pg';
import type { RedisSettings } from './redis';
import type { RedisClusterSettings } from './redis-cluster-nodes';

/** A service opsdesk needs is not there; the message says what to do. */
export class ServiceUnavailableError extends Error {
  readonly code = 'SERVICE_UNAVAILABLE';

  constructor(
    readonly service: 'PostgreSQL' | 'Redis' | 'KurrentDB',
    readonly where: string,
    readonly reason: string,
    readonly hint: string,
  ) {
    super(`${service} at ${where} ${reason}. ${hint}`);
  }
}

const POSTGRES_HINT =
  'Start it (on Debian: pg_ctlcluster <version> main start; or: docker compose -f docker/compose.yml up -d postgres) or set DATABASE_URL.';
const REDIS_HINT =
  'Start it (redis-server --daemonize yes --port 6379; or: docker compose -f docker/compose.yml up -d redis) or set REDIS_URL.';

/** `postgres://user@host:port/db` with any password removed. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export async function checkPostgres(url: string): Promise<void> {
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: 3000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new ServiceUnavailableError(
      'PostgreSQL',
      describeUrl(url),
      `is not reachable (${reasonOf(error)})`,
      POSTGRES_HINT,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface RedisCheckResult {
  /** Set when the server forbids reading its eviction policy. */
  warning?: string;
}

/**
 * Redis must be reachable and must never evict: an evicted job lock or
 * queue key breaks BullMQ (RELIABILITY.md rule 2).
 */
export async function checkRedis(url: string): Promise<RedisCheckResult> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new ServiceUnavailableError(
      'Redis',
      describeUrl(url),
      `is not reachable (${reasonOf(error)})`,
      REDIS_HINT,
    );
  }
  try {
    return await checkEvictionPolicy(redis, describeUrl(url));
  } finally {
    redis.disconnect();
  }
}

/**
 * The same for a Redis Cluster: it must be reachable and healthy
 * (`cluster_state:ok`), and every master must run with noeviction, since
 * each holds the whole of some queues.
 */
export async function checkRedisCluster(
  cluster: RedisClusterSettings,
): Promise<RedisCheckResult> {
  const where = `cluster ${cluster.nodes.map((n) => `${n.host}:${n.port}`).join(',')}`;
  const client = new Cluster(cluster.nodes, {
    lazyConnect: true,
    enableOfflineQueue: false,
    clusterRetryStrategy: () => null,
    redisOptions: {
      username: cluster.username,
      password: cluster.password,
      connectTimeout: 3000,
      maxRetriesPerRequest: 0,
    },
  });
  client.on('error', () => undefined);
  try {
    try {
      await client.connect();
      const info = await client.cluster('INFO');
      if (!/cluster_state:ok/.test(String(info))) {
        throw new Error('cluster_state is not ok');
      }
    } catch (error) {
      throw new ServiceUnavailableError(
        'Redis',
        where,
        `is not reachable or not healthy (${reasonOf(error)})`,
        'Check REDIS_CLUSTER_NODES and that redis-cli --cluster check reports every slot covered.',
      );
    }
    const masters = client.nodes('master');
    const warnings: string[] = [];
    for (const master of masters) {
      const result = await checkEvictionPolicy(
        master,
        `${master.options.host}:${master.options.port} (${where})`,
      );
      if (result.warning) warnings.push(result.warning);
    }
    return warnings.length ? { warning: warnings.join('; ') } : {};
  } finally {
    client.disconnect();
  }
}

/** Checks the Redis opsdesk is configured with: a cluster if one is set. */
export function checkConfiguredRedis(
  settings: RedisSettings,
): Promise<RedisCheckResult> {
  return settings.redisCluster
    ? checkRedisCluster(settings.redisCluster)
    : checkRedis(settings.redisUrl);
}

async function checkEvictionPolicy(
  redis: Redis,
  where: string,
): Promise<RedisCheckResult> {
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    if (policy !== 'noeviction') {
      throw new ServiceUnavailableError(
        'Redis',
        where,
        `runs with maxmemory-policy ${policy}`,
        'opsdesk needs noeviction: redis-cli config set maxmemory-policy noeviction (and in redis.conf).',
      );
    }
    return {};
  } catch (error) {
    if (error instanceof ServiceUnavailableError) throw error;
    return {
      warning: `could not read maxmemory-policy of ${where} (${reasonOf(error)}); make sure it is noeviction`,
    };
  }
}

function reasonOf(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { code?: string; message?: string };
    if (e.code) return e.code;
    if (e.message) return e.message.split('\n')[0];
  }
  return String(error);
}
