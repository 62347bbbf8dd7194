import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { WORKER_ROLES, type WorkerRole } from '@opsdesk/messaging';
import {
  checkRedisCluster,
  createLogger,
  loadConfig,
  ServiceUnavailableError,
} from '@opsdesk/platform';
import {
  closeResources,
  openResources,
  type OpsdeskResources,
} from '@opsdesk/runtime';
import {
  blockedGate,
  brokenChargingPile,
  onSiteRepair,
} from '../apps/api/src/demo/scenarios';
import { OpsdeskClient } from '../apps/api/src/demo/opsdesk-client';
import { signedTokens } from '../apps/api/src/demo/signed-tokens';
import { freePort } from './faults/support/free-port';
import { exited, startApp } from './support/child-process';
import { createTestSchema, type TestSchema } from './support/database';
import { eventually } from './support/eventually';
import { OwnRedisCluster } from './support/own-redis-cluster';
import { eventTypesOf } from './support/ticket-history';

/** The roles that act in the station-fault scenarios. */
const STATION_FAULT_ROLES: readonly WorkerRole[] = [
  'cs-phone-agent',
  'dispatch-manager',
  'regional-platform',
  'regional-inspector',
  'station-manager',
  'station-ops-team',
  'charging-pile-supplier',
];

/**
 * The manual's three scenarios on a three-master Redis Cluster of the
 * test's own, with an API, two worker processes competing for every
 * role's queue and a projector: the same code as on one Redis, only
 * REDIS_CLUSTER_NODES differs.
 */
describe('opsdesk on a Redis Cluster with two workers per role', () => {
  let cluster: OwnRedisCluster;
  let schema: TestSchema;
  let resources: OpsdeskResources;
  let client: OpsdeskClient;
  let env: Record<string, string>;
  const prefix = 'opsdesk-cluster';
  const children: (ChildProcess & { output: () => string })[] = [];
  const workers: (ChildProcess & { output: () => string })[] = [];
  /** What the tests found, printed as one line at the end. */
  const summary: string[] = [];

  beforeAll(async () => {
    cluster = await OwnRedisCluster.start(3);
    schema = await createTestSchema('cluster');
    const signingKey = randomBytes(32).toString('hex');
    const port = await freePort();
    env = {
      DATABASE_URL: schema.url,
      DATABASE_SCHEMA: schema.schema,
      REDIS_CLUSTER_NODES: cluster.nodes,
      // Points nowhere: with a cluster set, nothing may use it.
      REDIS_URL: 'redis://127.0.0.1:1',
      QUEUE_PREFIX: prefix,
      AUTH_SIGNING_KEY: signingKey,
      RATE_LIMIT_PER_MINUTE: '1000000',
      PORT: String(port),
      HOST: '127.0.0.1',
    };
    // The API migrates the schema first; the others find it done.
    const api = startApp('api', env);
    children.push(api);
    const url = `http://127.0.0.1:${port}`;
    await eventually(async () => {
      const response = await fetch(`${url}/health`);
      expect(response.status).toBe(200);
    }, 60_000);
    for (let i = 0; i < 2; i++) {
      // At info level a worker says when its role workers have started.
      const worker = startApp('worker', { ...env, LOG_LEVEL: 'info' }, [
        '--role',
        'all',
      ]);
      children.push(worker);
      workers.push(worker);
    }
    children.push(startApp('projector', env));

    resources = await openResources(
      loadConfig({ ...process.env, ...env }),
      createLogger('cluster-test', 'silent'),
    );
    client = new OpsdeskClient(url, signedTokens(signingKey), {
      id: 'agent-0107',
      role: 'cs-phone-agent',
      subsidiary: 'sh',
    });
    // Both worker processes take jobs before the first command is sent.
    await eventually(async () => {
      for (const worker of workers) {
        expect(worker.output()).toContain('role workers started');
      }
    }, 90_000);
  }, 240_000);

  afterAll(async () => {
    process.stdout.write(
      `redis cluster (3 masters, 2 worker processes): ${summary.join('; ') || 'no result'}\n`,
    );
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
      }
    }
    // A process that does not drain in time is killed, so the servers
    // below are always stopped.
    const hard = setTimeout(() => {
      for (const child of children)
        if (child.exitCode === null) child.kill('SIGKILL');
    }, 20_000);
    await Promise.all(children.map((child) => exited(child)));
    clearTimeout(hard);
    if (resources) await closeResources(resources);
    await schema?.drop();
    await cluster?.stop();
  }, 60_000);

  it('runs the three station-fault scenarios to the end', async () => {
    const charging = await brokenChargingPile(client);
    const gate = await blockedGate(client);
    const repair = await onSiteRepair(client);

    const start = [
      'call-received',
      'fault-recorded',
      'task-created',
      'dispatched-to-region',
      'inspection-assigned',
      'inspector-arrived',
    ];
    const escalated = [
      ...start,
      'fault-not-cleared',
      'unresolved-reported-to-dispatch',
      'escalated-to-station-manager',
      'ops-task-assigned',
      'fault-classified',
    ];
    const end = [
      'result-notified-to-customer-service',
      'reporter-informed',
      'ticket-closed',
    ];
    expect(await eventTypesOf(resources.store, charging.ticketId)).toEqual([
      ...escalated,
      'supplier-dispatched',
      'supplier-handling-completed',
      'result-reported-to-station-manager',
      ...end,
    ]);
    expect(await eventTypesOf(resources.store, gate.ticketId)).toEqual([
      ...start,
      'fault-cleared-by-inspector',
      ...end,
    ]);
    expect(await eventTypesOf(resources.store, repair.ticketId)).toEqual([
      ...escalated,
      'on-site-repair-started',
      'ops-repair-completed',
      'result-reported-to-station-manager',
      ...end,
    ]);
    for (const [ticketId, finalStatus, lastRevision] of [
      [charging.ticketId, 'repaired-by-supplier', 16],
      [gate.ticketId, 'cleared-by-inspector', 9],
      [repair.ticketId, 'repaired-by-ops-team', 16],
    ] as const) {
      const ticket = await eventually(async () => {
        const view = await client.get<{ status: string }>(
          `/station-faults/${ticketId}`,
        );
        expect(view.status).toBe('CLOSED');
        return view;
      });
      expect(ticket).toMatchObject({
        status: 'CLOSED',
        holderRole: null,
        finalStatus,
        lastRevision,
      });
    }
  }, 180_000);

  it('shares every busy role between both worker processes', async () => {
    const workerPids = workers.map((w) => String(w.pid)).sort();
    // The roles that act most often in the scenarios.
    const busy: readonly WorkerRole[] = [
      'dispatch-manager',
      'regional-platform',
      'station-manager',
    ];
    let seen = await workerPidsByRole();
    // Which worker takes a job is up to Redis; a few more tickets make a
    // role served by one process alone vanishingly unlikely, without
    // waiting on any clock.
    for (let round = 0; round < 4 && !busy.every(servedByBoth); round++) {
      await Promise.all([brokenChargingPile(client), onSiteRepair(client)]);
      seen = await workerPidsByRole();
    }
    for (const role of busy) {
      expect({
        role,
        pids: [...(seen.get(role)?.keys() ?? [])].sort(),
      }).toEqual({ role, pids: workerPids });
    }
    summary.push(
      `jobs per role and worker pid ${STATION_FAULT_ROLES.map(
        (role) =>
          `${role} ${[...(seen.get(role) ?? new Map<string, number>())]
            .map(([pid, n]) => `${pid}:${n}`)
            .join('/')}`,
      ).join(', ')}`,
    );

    function servedByBoth(role: WorkerRole): boolean {
      return workerPids.every((pid) => seen.get(role)?.has(pid));
    }

    async function workerPidsByRole() {
      const byRole = new Map<WorkerRole, Map<string, number>>();
      for (const role of STATION_FAULT_ROLES) {
        const jobs = await resources.queues.queue(role).getCompleted(0, -1);
        // RoleWorker names itself `<role>@<host>/<pid>`; BullMQ records
        // the name of the worker that ran a job as its `processedBy`.
        const counts = new Map<string, number>();
        for (const job of jobs) {
          const pid =
            String(job.processedBy ?? '')
              .split('/')
              .pop() ?? '';
          expect(workerPids).toContain(pid);
          counts.set(pid, (counts.get(pid) ?? 0) + 1);
        }
        byRole.set(role, counts);
      }
      return byRole;
    }
  }, 180_000);

  it('keeps each queue in one slot and spreads the queues over the masters', async () => {
    const tagsByPort = new Map<number, Set<string>>();
    for (const port of cluster.ports) {
      const node = cluster.node(port);
      const tags = new Set<string>();
      try {
        let cursor = '0';
        do {
          const [next, keys] = await node.scan(
            cursor,
            'MATCH',
            `${prefix}:*`,
            'COUNT',
            1000,
          );
          for (const key of keys) tags.add(hashTagOf(key));
          cursor = next;
        } while (cursor !== '0');
      } finally {
        node.disconnect();
      }
      tagsByPort.set(port, tags);
    }
    // No queue's keys are split between masters.
    const all = [...tagsByPort.values()].flatMap((tags) => [...tags]);
    expect(all.length).toBe(new Set(all).size);
    expect(all).toEqual(expect.arrayContaining(['dispatch-manager']));
    const used = [...tagsByPort.values()].filter((tags) => tags.size > 0);
    expect(used.length).toBeGreaterThanOrEqual(2);
    expect(
      all.every((tag) =>
        [...WORKER_ROLES, 'timers', 'maintenance'].includes(tag as WorkerRole),
      ),
    ).toBe(true);
    summary.push(
      `queues per master ${[...tagsByPort.entries()]
        .map(([port, tags]) => `${port}: ${tags.size}`)
        .join(', ')}`,
    );
  });

  it('refuses to start when any master may evict', async () => {
    const port = cluster.ports[1];
    const node = cluster.node(port);
    try {
      await node.config('SET', 'maxmemory-policy', 'allkeys-lru');
      const refusal = await checkRedisCluster(
        loadConfig({ ...process.env, ...env }).redisCluster!,
      ).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ServiceUnavailableError);
      expect((refusal as Error).message).toContain(`127.0.0.1:${port}`);
      expect((refusal as Error).message).toContain('allkeys-lru');
    } finally {
      await node.config('SET', 'maxmemory-policy', 'noeviction');
      node.disconnect();
    }
  });
});

/** The Redis Cluster hash tag of a key: what its slot is computed from. */
function hashTagOf(key: string): string {
  const match = /\{([^}]+)\}/.exec(key);
  return match ? match[1] : `(untagged) ${key}`;
}
