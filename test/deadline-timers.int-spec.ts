import { randomUUID } from 'node:crypto';
import { streamNameOf, type DeadlinePolicyDraft } from '@opsdesk/domain';
import type { RecordedEvent } from '@opsdesk/event-store';
import {
  CheckpointStore,
  CommandExecutor,
  DeadlineAlerts,
  DeadlinePolicies,
  publishPolicyIfNone,
  TimerFiring,
  TimerQueue,
  TimerReconciler,
  TimerScheduler,
  TimerWorker,
  timerJobId,
  timerQueuePrefix,
  type CommandEnvelope,
  type TimerJob,
} from '@opsdesk/messaging';
import {
  ChinaWorkingCalendar,
  createLogger,
  loadConfig,
  redisConnectionOptions,
  SteppableClock,
  uuidv7,
} from '@opsdesk/platform';
import {
  closeResources,
  openResources,
  type OpsdeskResources,
} from '@opsdesk/runtime';
import { toStationSnapshot } from '@opsdesk/stations';
import { createTestSchema, type TestSchema } from './support/database';
import { eventually } from './support/eventually';
import { TEST_REDIS_URL, testQueuePrefix } from './support/redis';
import { deleteKeys } from './support/system';

/** Shanghai wall-clock time as an ISO instant. */
const sh = (local: string) =>
  new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();
const MINUTE = 60_000;

const POLICY: DeadlinePolicyDraft = {
  workingHours: [{ from: '09:00', to: '18:00' }],
  rules: [
    {
      processId: 'station-fault',
      step: 'RECORDED',
      clock: 'elapsed',
      deadlineMinutes: 30,
      warnAfterMinutes: [10],
      onBreach: [
        { type: 'notify' },
        { type: 'escalate', role: 'cs-shift-leader' },
      ],
    },
    {
      processId: 'station-fault',
      step: 'AWAITING_DISPATCH',
      clock: 'working',
      deadlineMinutes: 120,
      warnAfterMinutes: [60],
      onBreach: [{ type: 'escalate', role: 'cs-supervisor' }],
    },
  ],
};

/**
 * The timers on a controlled clock, against real Redis and PostgreSQL:
 * each level fires at its instant and not before, a step that ends first
 * gets none, and a worker restart or a Redis that lost the timers still
 * records each level once.
 */
describe('deadline timers on a controlled clock', () => {
  let schema: TestSchema;
  let prefix: string;
  let resources: OpsdeskResources;
  let clock: SteppableClock;
  let executor: CommandExecutor;
  let queue: TimerQueue;
  let policies: DeadlinePolicies;
  let scheduler: TimerScheduler;
  let worker: TimerWorker;
  let reconciler: TimerReconciler;
  let alerts: DeadlineAlerts;
  const calendar = new ChinaWorkingCalendar();
  const logger = createLogger('timers-test', process.env.TEST_LOG ?? 'silent');

  function startWorker(): TimerWorker {
    const started = new TimerWorker({
      connection: redisConnectionOptions(TEST_REDIS_URL),
      basePrefix: prefix,
      firing: new TimerFiring(executor),
      clock,
      logger,
    });
    started.start();
    return started;
  }

  beforeAll(async () => {
    schema = await createTestSchema('timers');
    prefix = testQueuePrefix('timers');
    clock = new SteppableClock(sh('2025-09-01 08:00'));
    resources = await openResources(
      loadConfig({
        ...process.env,
        DATABASE_URL: schema.url,
        DATABASE_SCHEMA: schema.schema,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: prefix,
      }),
      logger,
      { clock },
    );
    const { store, processes, pool } = resources;
    executor = new CommandExecutor(store, processes, logger, new Map(), () =>
      clock.now(),
    );
    await publishPolicyIfNone(executor, 'default', POLICY);
    queue = new TimerQueue(
      redisConnectionOptions(TEST_REDIS_URL),
      prefix,
      logger,
    );
    policies = new DeadlinePolicies(store, 'default');
    alerts = new DeadlineAlerts(pool);
    scheduler = new TimerScheduler({
      store,
      processes,
      checkpoints: new CheckpointStore(pool, 'follower_checkpoints'),
      queue,
      policies,
      calendar,
      clock,
      alerts,
      logger,
    });
    reconciler = new TimerReconciler({
      store,
      processes,
      queue,
      policies,
      calendar,
      clock,
      logger,
    });
    await scheduler.start();
    worker = startWorker();
  });

  afterAll(async () => {
    await worker?.close();
    await scheduler?.stop();
    await queue?.close();
    if (resources) await closeResources(resources);
    await deleteKeys(prefix);
    await schema?.drop();
  });

  function command(
    ticketId: string,
    type: string,
    payload: Record<string, unknown>,
    role: 'cs-phone-agent' | 'dispatch-manager' = 'cs-phone-agent',
  ): CommandEnvelope {
    return {
      commandId: randomUUID(),
      processId: 'station-fault',
      ticketId,
      type,
      payload,
      actor: { id: `${role}-1`, role, kind: 'person' },
      correlationId: ticketId,
      causationId: ticketId,
      issuedAt: clock.now().toISOString(),
    };
  }

  /** A ticket recorded at the clock's instant (step RECORDED). */
  async function reportAt(local: string): Promise<string> {
    clock.set(sh(local));
    const [station] = await resources.stations.listStations();
    const ticketId = uuidv7();
    await executor.execute(
      command(ticketId, 'ReportStationFault', {
        ticketNumber: `SF-T-${ticketId.slice(-6)}`,
        reporter: { type: 'user', phone: '13900001111' },
        callTime: clock.now().toISOString(),
        station: toStationSnapshot(station),
        faultDescription: '道闸无法抬杆',
        suspectedChargingPile: false,
      }),
    );
    return ticketId;
  }

  async function createTaskAt(ticketId: string, local: string) {
    clock.set(sh(local));
    await executor.execute(command(ticketId, 'CreateFaultTask', {}));
  }

  async function deadlineEvents(ticketId: string): Promise<RecordedEvent[]> {
    const events = await resources.store.readStream(
      streamNameOf('station-fault', ticketId),
    );
    return events.filter((e) => /deadline-/.test(e.type));
  }

  async function timersOf(ticketId: string): Promise<TimerJob[]> {
    const jobs = await queue.queue.getJobs(['delayed', 'waiting']);
    return jobs
      .map((job) => job.data)
      .filter((data) => data.ticketId === ticketId)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /** The warning and the breach of the step begun at `startRevision`. */
  async function scheduled(ticketId: string, startRevision: number) {
    return eventually(async () => {
      const jobs = (await timersOf(ticketId)).filter(
        (j) => j.startRevision === startRevision,
      );
      expect(jobs).toHaveLength(2);
      return jobs;
    });
  }

  /** Sets the clock, lets due timers run, waits for `count` deadline events. */
  async function at(local: string, ticketId: string, count: number) {
    clock.set(sh(local));
    await queue.promoteDue(clock.now());
    return eventually(async () => {
      const events = await deadlineEvents(ticketId);
      expect(events).toHaveLength(count);
      return events;
    });
  }

  describe('a recorded ticket nobody turns into a task (elapsed time)', () => {
    it('is warned 10 minutes and breached 30 minutes after it was recorded', async () => {
      const ticketId = await reportAt('2025-09-30 10:00');

      const jobs = await scheduled(ticketId, 1);
      expect(jobs.map((j) => [j.level, j.dueAt])).toEqual([
        ['warn-1', sh('2025-09-30 10:10')],
        ['breach', sh('2025-09-30 10:30')],
      ]);

      clock.set(new Date(Date.parse(sh('2025-09-30 10:10')) - 1).toISOString());
      expect(await queue.promoteDue(clock.now())).toBe(0);
      expect(await deadlineEvents(ticketId)).toEqual([]);

      const [warned] = await at('2025-09-30 10:10', ticketId, 1);
      expect(warned).toMatchObject({
        type: 'station-fault.deadline-warned',
        data: {
          step: 'RECORDED',
          level: 'warn-1',
          dueAt: sh('2025-09-30 10:10'),
          deadlineAt: sh('2025-09-30 10:30'),
          policy: { policy: 'default', version: 1 },
        },
        metadata: { decidedAt: sh('2025-09-30 10:10') },
      });

      const [, breached] = await at('2025-09-30 10:30', ticketId, 2);
      expect(breached).toMatchObject({
        type: 'station-fault.deadline-breached',
        data: { level: 'breach', dueAt: sh('2025-09-30 10:30') },
        metadata: { decidedAt: sh('2025-09-30 10:30') },
      });

      const told = await eventually(async () => {
        const rows = await alerts.forTicket(ticketId);
        expect(rows).toHaveLength(3);
        return rows;
      });
      expect(told.map((a) => [a.level, a.role, a.reason])).toEqual([
        ['warn-1', 'cs-phone-agent', 'holder'],
        ['breach', 'cs-phone-agent', 'holder'],
        ['breach', 'cs-shift-leader', 'escalation'],
      ]);
    });
  });

  describe('a task left with dispatch over the National Day holiday (working time)', () => {
    it('warns at the close of 30 September and breaches at 10:00 on 9 October', async () => {
      const ticketId = await reportAt('2025-09-30 16:55');
      await createTaskAt(ticketId, '2025-09-30 17:00');

      const jobs = await scheduled(ticketId, 2);
      expect(jobs.map((j) => [j.level, j.dueAt])).toEqual([
        ['warn-1', sh('2025-09-30 18:00')],
        ['breach', sh('2025-10-09 10:00')],
      ]);

      await at('2025-09-30 18:00', ticketId, 1);
      clock.set(sh('2025-10-09 09:59'));
      expect(await queue.promoteDue(clock.now())).toBe(0);
      const events = await at('2025-10-09 10:00', ticketId, 2);
      expect(events.map((e) => e.data.level)).toEqual(['warn-1', 'breach']);
    });
  });

  describe('a task left with dispatch over a make-up working day', () => {
    it('counts Saturday 11 October 2025 as a working day', async () => {
      const ticketId = await reportAt('2025-10-10 17:25');
      await createTaskAt(ticketId, '2025-10-10 17:30');

      const jobs = await scheduled(ticketId, 2);
      expect(jobs.map((j) => [j.level, j.dueAt])).toEqual([
        ['warn-1', sh('2025-10-11 09:30')],
        ['breach', sh('2025-10-11 10:30')],
      ]);
      const events = await at('2025-10-11 10:30', ticketId, 2);
      expect(events.map((e) => e.data.dueAt)).toEqual([
        sh('2025-10-11 09:30'),
        sh('2025-10-11 10:30'),
      ]);
    });
  });

  describe('a step finished before its deadline', () => {
    it('gets no warning: its timers are dropped, and one that fires anyway finds the step ended', async () => {
      const ticketId = await reportAt('2025-10-13 09:00');
      await createTaskAt(ticketId, '2025-10-13 09:05');
      const [warning] = await scheduled(ticketId, 2);

      clock.set(sh('2025-10-13 09:40'));
      await executor.execute(
        command(
          ticketId,
          'DispatchToRegion',
          {
            regionalPlatformId: 'rp-x',
            decision: { mode: 'manual', ruleVersion: 'manual', inputs: {} },
          },
          'dispatch-manager',
        ),
      );
      await eventually(async () => {
        expect(await queue.stateOf(timerJobId(warning))).toBe('missing');
      });

      expect(await new TimerFiring(executor).fire(warning)).toBe('step-ended');
      clock.set(sh('2025-10-14 18:00'));
      await queue.promoteDue(clock.now());
      expect(await deadlineEvents(ticketId)).toEqual([]);
    });
  });

  describe('a timer worker restarted between scheduling and firing', () => {
    it('fires the timer once, and a second copy of the job records nothing more', async () => {
      const ticketId = await reportAt('2025-10-15 11:00');
      const [warning] = await scheduled(ticketId, 1);

      await worker.close();
      worker = startWorker();

      await at('2025-10-15 11:10', ticketId, 1);
      // A copy of the same timer (a replayed schedule, a reconciled job)
      // is refused by the command id its job id gives.
      expect(await new TimerFiring(executor).fire(warning)).toBe(
        'already-recorded',
      );
      expect(await deadlineEvents(ticketId)).toHaveLength(1);
    });
  });

  describe('a Redis that lost every timer', () => {
    it('gets them back from the log, and each still fires once', async () => {
      const ticketId = await reportAt('2025-10-16 14:00');
      const lost = await scheduled(ticketId, 1);
      await worker.close();
      await deleteKeys(timerQueuePrefix(prefix));

      const report = await reconciler.run();

      expect(report.recreatedIds).toEqual(
        expect.arrayContaining(lost.map(timerJobId)),
      );
      const again = await reconciler.run();
      expect(again.recreated).toBe(0);

      worker = startWorker();
      const events = await at('2025-10-16 14:30', ticketId, 2);
      expect(events.map((e) => e.data.level)).toEqual(['warn-1', 'breach']);
    });
  });
});
