import { randomBytes } from 'node:crypto';
import {
  RoleQueueSet,
  WORKER_ROLES,
  type WorkerRole,
} from '@opsdesk/messaging';
import {
  bullConnection,
  createLogger,
  parseRedisClusterNodes,
} from '@opsdesk/platform';
import type { DrainContext } from '../end-to-end/e2e-context';
import { VisibilityWatcher } from '../end-to-end/visibility-watcher';
import { LifecycleGenerator } from '../fixtures/lifecycles';
import { benchSigningKey } from '../queries/bench-token';
import { AppProcess, appEntry } from '../support/app-process';
import {
  BENCH_DATABASE_URL,
  createBenchSchema,
  type BenchSchema,
} from '../support/bench-database';
import { onInterrupt } from '../support/cleanup';
import { OwnRedisCluster } from '../support/own-redis-cluster';
import { waitFor } from '../support/time';

const START_BOUND_MS = 120_000;

export interface ScaledTopology {
  ctx: DrainContext;
  cluster: OwnRedisCluster;
  workers: readonly AppProcess[];
  projectors: readonly AppProcess[];
  /** Which projector process holds how many log-consumer leases now. */
  leasesByProjector(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/**
 * The topology of README's "Past one machine", as `npm run topology`
 * starts it but without the APIs (the bench enqueues as the API would):
 * a three-master Redis Cluster of its own, two worker processes that each
 * serve every role's queue, and two projectors, of which the leases make
 * one active and the other a standby. Every app gets REDIS_CLUSTER_NODES
 * and a REDIS_URL that points nowhere, so nothing can use the local Redis
 * unnoticed. A fresh schema and queue prefix; `close()` stops every
 * process by pid, drops the schema and stops the cluster.
 */
export async function openScaledTopology(): Promise<ScaledTopology> {
  const cluster = await OwnRedisCluster.start(3);
  const forgetCluster = onInterrupt(() => cluster.stop());
  const apps: AppProcess[] = [];
  let schema: BenchSchema | undefined;
  let queues: RoleQueueSet | undefined;
  let watcher: VisibilityWatcher | undefined;
  const close = async () => {
    await watcher?.close().catch(() => undefined);
    await queues?.close().catch(() => undefined);
    await Promise.all(apps.map((app) => app.stop()));
    await schema?.drop();
    forgetCluster();
    await cluster.stop();
  };
  try {
    schema = await createBenchSchema('scaled', 4);
    const prefix = `opsdesk-bench-scaled-${randomBytes(4).toString('hex')}`;
    const env = {
      DATABASE_URL: BENCH_DATABASE_URL,
      DATABASE_SCHEMA: schema.schema,
      REDIS_CLUSTER_NODES: cluster.nodes,
      REDIS_URL: 'redis://127.0.0.1:1',
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      AUTH_SIGNING_KEY: benchSigningKey(),
    };
    queues = new RoleQueueSet(
      bullConnection({
        redisUrl: env.REDIS_URL,
        redisCluster: parseRedisClusterNodes(
          cluster.nodes,
          (m) => new Error(m),
        ),
      }),
      prefix,
      createLogger('bench', 'warn'),
    );
    const start = (
      name: string,
      app: 'worker' | 'projector',
      args: string[],
    ) => {
      const started = new AppProcess(name, appEntry(app), args, env);
      apps.push(started);
      return started;
    };

    // The first worker migrates the schema; the others find it done.
    const first = start('scaled-worker-1', 'worker', ['--role', 'all']);
    const alone = await untilWorkersServe(queues, [first], (n) => n > 0);
    const firstProjector = start('scaled-projector-1', 'projector', []);
    await untilLeasesSettle(schema, firstProjector);
    const second = start('scaled-worker-2', 'worker', ['--role', 'all']);
    const secondProjector = start('scaled-projector-2', 'projector', []);
    await untilWorkersServe(
      queues,
      [first, second],
      (n, role) => n >= 2 * alone[role],
    );

    watcher = await VisibilityWatcher.install(
      schema.pool,
      BENCH_DATABASE_URL,
      schema.schema,
    );
    const workers = [first, second];
    const projectors = [firstProjector, secondProjector];
    const pool = schema.pool;
    return {
      ctx: {
        schema,
        queues,
        watcher,
        generator: new LifecycleGenerator(99),
        cpuOwners: {
          'node (worker 1)': first.pid,
          'node (worker 2)': second.pid,
          'node (projector 1)': firstProjector.pid,
          'node (projector 2)': secondProjector.pid,
          'node (bench)': process.pid,
          ...Object.fromEntries(
            cluster.pids.map((pid, i) => [`redis (cluster ${i + 1})`, pid]),
          ),
        },
      },
      cluster,
      workers,
      projectors,
      leasesByProjector: () => leasesByProjector(pool, projectors),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Until every role's queue has the workers `enough` asks for. */
async function untilWorkersServe(
  queues: RoleQueueSet,
  processes: readonly AppProcess[],
  enough: (connections: number, role: WorkerRole) => boolean,
): Promise<Record<WorkerRole, number>> {
  const counts = {} as Record<WorkerRole, number>;
  const ok = await waitFor(
    async () => {
      const stopped = processes.find((p) => !p.running);
      if (stopped) throw new Error(`${stopped.name} ended during start-up`);
      for (const role of WORKER_ROLES) {
        counts[role] = await queues.queue(role).getWorkersCount();
      }
      return WORKER_ROLES.every((role) => enough(counts[role], role));
    },
    START_BOUND_MS,
    250,
  );
  if (!ok) throw new Error("the scaled topology's workers did not start");
  return counts;
}

/**
 * Until the first projector holds its leases and takes no more, so that
 * the second, started after it, stands by rather than sharing them.
 */
async function untilLeasesSettle(
  schema: BenchSchema,
  projector: AppProcess,
): Promise<void> {
  let last = -1;
  let steady = 0;
  const ok = await waitFor(
    async () => {
      if (!projector.running) throw new Error(`${projector.name} ended`);
      const { rows } = await schema.pool
        .query<{ n: string }>('SELECT count(*) AS n FROM consumer_leases')
        .catch(() => ({ rows: [{ n: '0' }] }));
      const held = Number(rows[0].n);
      steady = held > 0 && held === last ? steady + 1 : 0;
      last = held;
      return steady >= 3;
    },
    START_BOUND_MS,
    1000,
  );
  if (!ok) throw new Error('the first projector took no lease');
}

async function leasesByProjector(
  pool: BenchSchema['pool'],
  projectors: readonly AppProcess[],
): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ holder: string }>(
    'SELECT holder FROM consumer_leases WHERE expires_at > now()',
  );
  const counts: Record<string, number> = {};
  for (const { holder } of rows) {
    // A holder is host:pid:random.
    const pid = Number(holder.split(':').at(-2));
    const name = projectors.find((p) => p.pid === pid)?.name ?? holder;
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}
