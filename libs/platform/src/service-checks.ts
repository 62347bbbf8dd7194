import Redis from 'ioredis';
import { Client } from 'pg';

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
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    if (policy !== 'noeviction') {
      throw new ServiceUnavailableError(
        'Redis',
        describeUrl(url),
        `runs with maxmemory-policy ${policy}`,
        'opsdesk needs noeviction: redis-cli config set maxmemory-policy noeviction (and in redis.conf).',
      );
    }
    return {};
  } catch (error) {
    if (error instanceof ServiceUnavailableError) throw error;
    return {
      warning: `could not read maxmemory-policy (${reasonOf(error)}); make sure it is noeviction`,
    };
  } finally {
    redis.disconnect();
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
