import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Redis, { Cluster } from 'ioredis';

const run = promisify(execFile);

/**
 * A three-master Redis Cluster of the caller's own (a test's, a bench
 * part's) on free loopback ports, in a temporary directory, without
 * persistence and without replicas. The machine's shared Redis is never
 * touched; `stop()` kills every server it started by pid and removes the
 * directory.
 */
export class OwnRedisCluster {
  private constructor(
    readonly ports: readonly number[],
    readonly dir: string,
    private readonly servers: ChildProcess[],
  ) {}

  static async start(masters = 3): Promise<OwnRedisCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'opsdesk-cluster-'));
    const ports: number[] = [];
    while (ports.length < masters) {
      // The cluster bus takes port + 10000; both stay below Linux's
      // ephemeral ports (32768 on), which outgoing connections take.
      const port = randomInt(20_000, 22_768);
      if (
        !ports.includes(port) &&
        (await isFree(port)) &&
        (await isFree(port + 10_000))
      ) {
        ports.push(port);
      }
    }
    const servers = ports.map((port) => launch(port, dir));
    const cluster = new OwnRedisCluster(ports, dir, servers);
    try {
      await Promise.all(ports.map((port) => cluster.untilAnswers(port)));
      await run('redis-cli', [
        '--cluster',
        'create',
        ...ports.map((port) => `127.0.0.1:${port}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ]);
      await cluster.untilHealthy();
      return cluster;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  /** The servers' process ids, one per master. */
  get pids(): number[] {
    return this.servers.map((server) => server.pid ?? -1);
  }

  /** `REDIS_CLUSTER_NODES` for opsdesk. */
  get nodes(): string {
    return this.ports.map((port) => `127.0.0.1:${port}`).join(',');
  }

  /** A cluster client for the caller itself. */
  client(): Cluster {
    return new Cluster(
      this.ports.map((port) => ({ host: '127.0.0.1', port })),
      { redisOptions: { maxRetriesPerRequest: 3 } },
    );
  }

  /** A client to one server only, e.g. to count the keys it holds. */
  node(port: number): Redis {
    return new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 3 });
  }

  async stop(): Promise<void> {
    for (const server of this.servers) {
      if (server.exitCode === null && server.signalCode === null) {
        server.kill('SIGKILL');
      }
    }
    await Promise.all(this.servers.map((server) => ended(server)));
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async untilAnswers(port: number): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const probe = new Redis({
        host: '127.0.0.1',
        port,
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        if ((await probe.ping()) === 'PONG') return;
      } catch {
        await sleep(50);
      } finally {
        probe.disconnect();
      }
    }
    throw new Error(`redis-server on ${port} did not answer`);
  }

  /** Every node agrees the cluster is whole (all slots served). */
  private async untilHealthy(): Promise<void> {
    for (let i = 0; i < 400; i++) {
      const states = await Promise.all(
        this.ports.map(async (port) => {
          const redis = this.node(port);
          try {
            return String(await redis.cluster('INFO'));
          } finally {
            redis.disconnect();
          }
        }),
      );
      if (states.every((info) => info.includes('cluster_state:ok'))) return;
      await sleep(50);
    }
    throw new Error('the Redis Cluster did not reach cluster_state:ok');
  }
}

function launch(port: number, dir: string): ChildProcess {
  return spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      join(dir, `nodes-${port}.conf`),
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
      '--logfile',
      join(dir, `redis-${port}.log`),
    ],
    { stdio: 'ignore' },
  );
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
