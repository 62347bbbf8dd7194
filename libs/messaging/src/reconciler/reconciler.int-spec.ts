import { stationFaultProcess, type StationFaultState } from '@opsdesk/domain';
import {
  PostgresEventStore,
  postgresEventStoreMigrations,
} from '@opsdesk/event-store';
import {
  createLogger,
  redisConnectionOptions,
  runMigrations,
} from '@opsdesk/platform';
import { loadRoster } from '@opsdesk/stations';
import { UnrecoverableError, Worker } from 'bullmq';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../test/support/database';
import {
  TEST_REDIS_URL,
  testQueuePrefix,
} from '../../../../test/support/redis';
import { deleteKeys } from '../../../../test/support/system';
import { eventually } from '../../../../test/support/eventually';
import { logBarrier } from '../../../../test/support/log-barrier';
import {
  nextPersonStep,
  planTickets,
} from '../../../../test/faults/harness/ticket-plans';
import { CommandExecutor, fold } from '../commands/command-executor';
import { ProcessCatalog } from '../commands/process-catalog';
import { messagingMigrations } from '../messaging.migrations';
import { latestHandoff } from '../process-manager/handoff-for';
import { handoffJobId } from '../queues/jobs';
import { RoleQueueSet } from '../queues/role-queue-set';
import { queuePrefixFor } from '../queues/role-queues';
import { handoffExpectations } from './handoff-expectations';
import { Reconciler } from './reconciler';

const logger = createLogger('reconciler-test', 'silent');
const roster = loadRoster();

describe('the reconciler, after Redis lost hand-off jobs', () => {
  let db: TestSchema;
  let prefix: string;
  let store: PostgresEventStore;
  let queues: RoleQueueSet;
  let executor: CommandExecutor;
  const processes = new ProcessCatalog().register(stationFaultProcess, {
    resultNotifier: 'station-manager',
  });
  const plans = planTickets(6, 'reconciler-spec').map((plan) => ({
    ...plan,
    kind: 'cleared' as const,
  }));
  const [lost, queued, done, recorded, failed, movedOn] = plans;

  beforeAll(async () => {
    db = await createTestSchema('reconciler');
    prefix = testQueuePrefix('reconciler');
    await runMigrations(db.pool, db.schema, [
      ...postgresEventStoreMigrations,
      ...messagingMigrations,
    ]);
    store = new PostgresEventStore(db.pool, { logger });
    queues = new RoleQueueSet(
      redisConnectionOptions(TEST_REDIS_URL),
      prefix,
      logger,
    );
    executor = new CommandExecutor(store, processes, logger);

    // Each ticket up to the state it needs, by the harness's own steps.
    await advance(lost, 'AWAITING_DISPATCH');
    await advance(queued, 'AWAITING_DISPATCH');
    await advance(done, 'AWAITING_DISPATCH');
    await advance(recorded, 'RECORDED');
    await advance(failed, 'AWAITING_DISPATCH');
    await advance(movedOn, 'AWAITING_DISPATCH');
    await dispatch(movedOn);

    // `failed` is a dead letter; `queued` still has its job; `done` was
    // announced and finished.
    await failJob(await currentHandoff(failed.ticketId));
    await queues.addHandoff(await currentHandoff(queued.ticketId));
    const finished = await currentHandoff(done.ticketId);
    await db.pool.query(
      `INSERT INTO handoff_notifications
         (job_id, ticket_id, event_id, from_role, to_role, status, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())`,
      [
        handoffJobId(finished),
        finished.ticketId,
        finished.eventId,
        finished.fromRole,
        finished.toRole,
        finished.status,
      ],
    );
    // The reconciler reads the whole log, which shows only what every
    // transaction open on the server (another test's, say) let through:
    // wait until the setup's events are all readable.
    const passed = await logBarrier(db.pool);
    await eventually(async () => expect(await passed()).toBe(true));
  });

  afterAll(async () => {
    await queues?.close();
    await store?.close();
    await deleteKeys(prefix);
    await db?.drop();
  });

  function reconciler(graceMs = 0) {
    return new Reconciler({
      store,
      processes,
      queues,
      logger,
      sources: [handoffExpectations(queues, db.pool)],
      graceMs,
    });
  }

  it('leaves hand-offs due for less than the grace period to the process manager', async () => {
    const report = await reconciler(60_000).run();

    // Everything not done is recent here, queued or not: Redis is not asked.
    expect(report).toMatchObject({
      expected: 6,
      done: 1,
      recent: 5,
      queued: 0,
      reEnqueued: 0,
    });
  });

  async function history(ticketId: string) {
    return store.readStream(`station-fault-${ticketId}`);
  }

  async function currentHandoff(ticketId: string) {
    const job = latestHandoff(processes.get('station-fault')!, [
      ...(await history(ticketId)),
    ]);
    if (!job) throw new Error(`no hand-off for ${ticketId}`);
    return job;
  }

  async function advance(plan: (typeof plans)[number], until: string) {
    for (;;) {
      const events = await history(plan.ticketId);
      const state = fold(
        processes.get('station-fault')!,
        events,
      ) as StationFaultState;
      if (state.status === until) return;
      const seen = new Map<string, number>();
      const step = nextPersonStep(
        plan,
        { state, revision: events.length - 1, seen },
        roster,
      );
      if (!step) throw new Error(`no step from ${state.status}`);
      await executor.execute({
        commandId: step.commandId,
        processId: 'station-fault',
        ticketId: plan.ticketId,
        type: step.type,
        payload: { ...step.payload, ticketNumber: `SF-SPEC-${plan.index}` },
        actor: step.actor,
        correlationId: plan.ticketId,
        causationId: step.commandId,
        issuedAt: new Date().toISOString(),
      });
    }
  }

  async function dispatch(plan: (typeof plans)[number]) {
    await executor.execute({
      commandId: `dispatch-${plan.ticketId}`,
      processId: 'station-fault',
      ticketId: plan.ticketId,
      type: 'DispatchToRegion',
      payload: {
        regionalPlatformId: plan.station.regionId,
        decision: { mode: 'manual', ruleVersion: 'spec', inputs: {} },
      },
      actor: {
        id: 'auto:dispatch-manager',
        role: 'dispatch-manager',
        kind: 'automatic',
      },
      correlationId: plan.ticketId,
      causationId: plan.ticketId,
      issuedAt: new Date().toISOString(),
    });
  }

  /** Puts the hand-off's job in the failed set, as exhausted retries do. */
  async function failJob(job: Awaited<ReturnType<typeof currentHandoff>>) {
    await queues.addHandoff(job);
    const worker = new Worker(
      job.toRole,
      async () => {
        throw new UnrecoverableError('broken on purpose');
      },
      {
        connection: redisConnectionOptions(TEST_REDIS_URL),
        prefix: queuePrefixFor(prefix, job.toRole),
      },
    );
    const queue = queues.queue(job.toRole);
    for (let i = 0; i < 200; i++) {
      if ((await queue.getJobState(handoffJobId(job))) === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await worker.close();
  }

  it('re-enqueues exactly the latest hand-offs that are neither queued, done nor dead', async () => {
    const report = await reconciler().run();

    const expectedIds = await Promise.all(
      [lost, recorded, movedOn].map(async (p) =>
        handoffJobId(await currentHandoff(p.ticketId)),
      ),
    );
    expect(report.repaired.map((r) => r.jobId).sort()).toEqual(
      expectedIds.sort(),
    );
    expect(report).toMatchObject({
      streamsScanned: 6,
      expected: 6,
      done: 1,
      recent: 0,
      queued: 1,
      deadLettered: 1,
      reEnqueued: 3,
      bySource: { handoff: { expected: 6, reEnqueued: 3 } },
    });
  });

  it('puts back the job the process manager made, under its own id', async () => {
    const expected = await currentHandoff(lost.ticketId);

    const job = await queues
      .queue('dispatch-manager')
      .getJob(handoffJobId(expected));

    expect(job?.data).toEqual(expected);
  });

  it('restores only the latest hand-off of a ticket that moved on', async () => {
    const [toDispatch] = (await history(movedOn.ticketId)).filter(
      (e) => e.type === 'station-fault.task-created',
    );
    const stale = `handoff.dispatch-manager.${movedOn.ticketId}.${toDispatch.eventId}`;

    expect(await queues.queue('dispatch-manager').getJobState(stale)).toBe(
      'unknown',
    );
    expect(
      (await queues.queue('regional-platform').getJobs(['waiting'])).map((j) =>
        j.data.kind === 'handoff' ? j.data.ticketId : null,
      ),
    ).toEqual([movedOn.ticketId]);
  });

  it('repairs nothing when run again', async () => {
    const report = await reconciler().run();

    expect(report).toMatchObject({
      reEnqueued: 0,
      queued: 4,
      done: 1,
      deadLettered: 1,
    });
  });
});
