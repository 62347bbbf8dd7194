import { loadAuthConfig, type AuthConfig } from './auth-config';
import {
  loadMailInboxSettings,
  type MailInboxSettings,
} from './mail-inbox-config';
import {
  parseRedisClusterNodes,
  type RedisClusterSettings,
} from './redis-cluster-nodes';

/** Everything opsdesk reads from the environment, with local defaults. */
export interface OpsdeskConfig extends AuthConfig {
  port: number;
  redisUrl: string;
  /**
   * `REDIS_CLUSTER_NODES`: a Redis Cluster that every queue and client
   * uses instead of `redisUrl`; absent for a single Redis.
   */
  redisCluster?: RedisClusterSettings;
  databaseUrl: string;
  /** PostgreSQL schema holding every table; tests use a fresh one each. */
  databaseSchema: string;
  eventStore: 'postgres' | 'kurrentdb' | 'memory';
  kurrentdbUrl?: string;
  /** BullMQ key prefix, so several installations can share one Redis. */
  queuePrefix: string;
  logLevel: string;
  /** 4.3: route by station location automatically, or leave it to a person. */
  routingMode: 'automatic' | 'manual';
  /** 4.4: assign an on-duty inspector automatically, or leave it. */
  assignmentMode: 'automatic' | 'manual';
  /** Who tells the centre the result (P20 names both: 4.11 and 3.5). */
  resultNotifier: 'station-manager' | 'station-ops-team';
  /** How long the API waits for a worker before answering 202. */
  commandWaitMs: number;
  /**
   * How soon the API first looks at the ledger and the job itself when no
   * reply has come (then twice as late each time, up to 2 s).
   */
  commandLookMs: number;
  /** How often a standby log consumer tries its lease and a holder renews. */
  leasePollMs: number;
  /** How long a silent holder keeps its lease before a standby takes it. */
  leaseTtlMs: number;
  /** The maildir the worker takes new mail from; absent: none. */
  mailInbox?: MailInboxSettings;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`${name} must be one of ${allowed.join(', ')}`);
}

function integer(name: string, value: string | undefined, fallback: number) {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new ConfigError(`${name} must be a non-negative integer`);
  }
  return parsed;
}

function leaseTimes(env: NodeJS.ProcessEnv) {
  const leasePollMs = integer('LEASE_POLL_MS', env.LEASE_POLL_MS, 1000);
  const leaseTtlMs = integer('LEASE_TTL_MS', env.LEASE_TTL_MS, 5000);
  // A holder renews once per poll; a lease shorter than that would lapse
  // between renewals and pass to a standby while its holder is healthy.
  if (leasePollMs < 1 || leaseTtlMs <= leasePollMs) {
    throw new ConfigError(
      'LEASE_TTL_MS must be greater than LEASE_POLL_MS, which must be at least 1',
    );
  }
  return { leasePollMs, leaseTtlMs };
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
): OpsdeskConfig {
  return {
    port: integer('PORT', env.PORT, 3000),
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    redisCluster: env.REDIS_CLUSTER_NODES
      ? parseRedisClusterNodes(
          env.REDIS_CLUSTER_NODES,
          (message) => new ConfigError(message),
        )
      : undefined,
    databaseUrl:
      env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    databaseSchema: env.DATABASE_SCHEMA || 'opsdesk',
    eventStore: oneOf(
      'EVENT_STORE',
      env.EVENT_STORE,
      ['postgres', 'kurrentdb', 'memory'],
      'postgres',
    ),
    kurrentdbUrl: env.KURRENTDB_URL || undefined,
    queuePrefix: env.QUEUE_PREFIX || 'opsdesk',
    logLevel: env.LOG_LEVEL || 'info',
    routingMode: oneOf(
      'ROUTING_MODE',
      env.ROUTING_MODE,
      ['automatic', 'manual'],
      'automatic',
    ),
    assignmentMode: oneOf(
      'ASSIGNMENT_MODE',
      env.ASSIGNMENT_MODE,
      ['automatic', 'manual'],
      'automatic',
    ),
    resultNotifier: oneOf(
      'RESULT_NOTIFIER',
      env.RESULT_NOTIFIER,
      ['station-manager', 'station-ops-team'],
      'station-manager',
    ),
    commandWaitMs: integer('COMMAND_WAIT_MS', env.COMMAND_WAIT_MS, 5000),
    commandLookMs: integer('COMMAND_LOOK_MS', env.COMMAND_LOOK_MS, 250),
    ...leaseTimes(env),
    mailInbox: loadMailInboxSettings(
      env,
      (message) => new ConfigError(message),
    ),
    ...loadAuthConfig(env, (message) => new ConfigError(message)),
  };
}
