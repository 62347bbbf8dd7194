import {
  createIORedisClient,
  RedisConnection,
  type RedisOptions as BullRedisOptions,
} from 'bullmq';
import Redis, { Cluster } from 'ioredis';
import type {
  RedisClusterNode,
  RedisClusterSettings,
} from './redis-cluster-nodes';

/**
 * The option that marks a BullMQ connection as one to a Redis Cluster.
 * BullMQ builds its connections from options (a worker adds a blocking
 * one of its own), and only a client it builds is one it also closes; so
 * opsdesk hands it options and lets the factory below turn marked ones
 * into an ioredis `Cluster`.
 */
const CLUSTER_NODES = 'opsdeskClusterNodes';

/** BullMQ connection options for a cluster (see `CLUSTER_NODES`). */
export function clusterConnectionOptions(
  cluster: RedisClusterSettings,
): BullRedisOptions {
  installClusterFactory();
  return {
    username: cluster.username,
    password: cluster.password,
    maxRetriesPerRequest: null,
    [CLUSTER_NODES]: cluster.nodes,
  };
}

/**
 * A plain cluster client (not BullMQ's), with BullMQ's setting so that a
 * queue may share it.
 */
export function createClusterClient(cluster: RedisClusterSettings): Cluster {
  return new Cluster(cluster.nodes, {
    redisOptions: {
      username: cluster.username,
      password: cluster.password,
      maxRetriesPerRequest: null,
    },
  });
}

let installed = false;

/**
 * Installed only when a cluster is configured, so that a single Redis
 * goes through BullMQ's own code untouched. Unmarked options get what
 * BullMQ itself would build.
 */
function installClusterFactory(): void {
  if (installed) return;
  installed = true;
  RedisConnection.clientFactory = (opts) => {
    const marked = opts as BullRedisOptions & {
      [CLUSTER_NODES]?: RedisClusterNode[];
    };
    const nodes = marked[CLUSTER_NODES];
    if (!nodes) {
      const { url, ...standalone } = opts;
      return createIORedisClient(
        url ? new Redis(url, standalone) : new Redis(standalone),
      );
    }
    // Host and port are BullMQ's single-server defaults; the nodes replace them.
    const {
      [CLUSTER_NODES]: _nodes,
      url: _url,
      host: _host,
      port: _port,
      retryStrategy,
      enableOfflineQueue,
      ...redisOptions
    } = marked;
    return createIORedisClient(
      new Cluster(nodes, {
        // BullMQ's reconnect policy, applied to the cluster as a whole.
        clusterRetryStrategy: retryStrategy,
        ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
        redisOptions,
      }),
    );
  };
}
