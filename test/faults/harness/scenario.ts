import type { RecordedEvent } from '@opsdesk/event-store';
import { WORKER_ROLES, type RoleQueueSet } from '@opsdesk/messaging';
import {
  createStationFaultProjections,
  vaultOpener,
  type Projection,
} from '@opsdesk/read-models';
import { logBarrier } from '../../support/log-barrier';
import { sleep } from '../support/processes';
import { Driver, type DriverCounts } from './driver';
import { FaultInjector, type FaultKind } from './fault-injector';
import { Random } from './random';
import { referenceRun } from './reference-run';
import { Rig } from './rig';
import { RunObserver } from './run-observer';
import { planTickets } from './ticket-plans';
import { compareWithRebuild, verifyLog, type Verdict } from './verify';

export interface ScenarioConfig {
  name: string;
  tickets: number;
  seed: string;
  /** Worker processes, each with every role. */
  workers: number;
  /** Faults to inject; none is the fault-free run. */
  faults: readonly FaultKind[];
  /** Pause between two faults, drawn in this range. */
  pauseMs: readonly [number, number];
  /** Needed for `restart-postgres`. */
  ownPostgres: boolean;
  maxOpen: number;
  duplicateRate: number;
  deadlineMs: number;
  /** Runs once when `atClosed` tickets are closed, the run going on. */
  midRun?: {
    atClosed: number;
    run(context: { rig: Rig; driver: Driver }): Promise<void>;
  };
  /** Called every `progressEveryMs` with a line on how far the run is. */
  progress?: (line: string) => void;
  progressEveryMs?: number;
}

export interface QueueCounts {
  active: number;
  waiting: number;
  delayed: number;
  failed: number;
}

export interface ScenarioReport {
  name: string;
  tickets: number;
  durationMs: number;
  driver: DriverCounts;
  faults: Record<FaultKind, number>;
  faultsTotal: number;
  restarts: number;
  reconcileRuns: number;
  reEnqueued: number;
  verdict: Verdict;
  stuck: string[];
  queues: QueueCounts;
}

const BASE_PREFIX = 'faults';

/**
 * One harness run: tickets through every role on a rig of its own while
 * faults are injected, then, once the system has settled, the log
 * compared with the fault-free run of the same input and the read models
 * with a rebuild from the log.
 */
export async function runScenario(
  config: ScenarioConfig,
): Promise<ScenarioReport> {
  const started = Date.now();
  const plans = planTickets(config.tickets, config.seed);
  const random = new Random(`${config.seed}:${config.name}`);
  const rig = await Rig.open({
    workers: config.workers,
    ownPostgres: config.ownPostgres,
  });
  const observer = new RunObserver(rig.redis.url, BASE_PREFIX);
  let progress: NodeJS.Timeout | undefined;
  try {
    const { processes, roster, store, queues, pool } = rig.resources;
    const process = processes.get('station-fault');
    if (!process) throw new Error('station-fault is not installed');
    const reference = await referenceRun(plans, processes, roster);

    await observer.start();
    rig.startFleet();
    const driver = new Driver(plans, process, store, queues, roster, random, {
      maxOpen: config.maxOpen,
      staleMs: 8000,
      duplicateRate: config.duplicateRate,
      deadlineMs: config.deadlineMs,
    });
    const injector = new FaultInjector(
      config.faults,
      {
        fleet: rig.fleet,
        workers: rig.workers,
        projector: rig.projector,
        redis: rig.redis,
        postgres: rig.postgres,
        driver,
        lockDurationMs: rig.lockDurationMs,
      },
      random,
      config.pauseMs,
    );
    if (config.progress) {
      progress = setInterval(() => {
        const c = driver.counts;
        config.progress?.(
          `[faults] ${config.name}: ${c.closed}/${config.tickets} closed, ` +
            `${c.released - c.closed} open, ${injector.total()} faults, ` +
            `${Math.round((Date.now() - started) / 1000)} s`,
        );
      }, config.progressEveryMs ?? 30_000);
    }

    injector.start();
    const midRun = config.midRun;
    let finished = false;
    const hook = midRun
      ? (async () => {
          while (!finished && driver.counts.closed < midRun.atClosed) {
            await sleep(100);
          }
          if (finished) throw new Error('the mid-run point was never reached');
          await midRun.run({ rig, driver });
        })()
      : Promise.resolve();
    // Awaited only after the run, so that a failure cannot leave it behind.
    hook.catch(() => undefined);
    const { stuck } = await driver.run();
    finished = true;
    await injector.stop();
    await hook;
    clearInterval(progress);

    const live = createStationFaultProjections({
      personalData: vaultOpener(rig.resources.vault),
    });
    await settle(rig, live);

    const verdict = await verifyLog(store, pool, process, plans, reference);
    verdict.readModelDiffs = await compareWithRebuild(
      store,
      pool,
      rig.env.DATABASE_SCHEMA,
      live,
      createStationFaultProjections({
        tableSuffix: '_rebuild',
        personalData: vaultOpener(rig.resources.vault),
      }),
    );

    return {
      name: config.name,
      tickets: config.tickets,
      durationMs: Date.now() - started,
      driver: driver.counts,
      faults: injector.counts,
      faultsTotal: injector.total(),
      restarts:
        rig.fleet.names().reduce((n, name) => n + rig.fleet.starts(name), 0) -
        rig.fleet.names().length,
      reconcileRuns: observer.reconcileRuns,
      reEnqueued: observer.reEnqueued,
      verdict,
      stuck,
      queues: await queueCounts(queues),
    };
  } finally {
    clearInterval(progress);
    await observer.close().catch(() => undefined);
    await rig.close();
  }
}

/**
 * Waits until no job waits or runs and every projection has applied the
 * last event it follows: the state the checks compare.
 */
export async function settle(
  rig: Rig,
  projections: readonly Projection[],
  timeoutMs = 300_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const log = new LogTail(rig.resources.store);
  // What was committed before the wait began must be readable before the
  // checkpoints are compared with it (taken once PostgreSQL answers).
  let passed: (() => Promise<boolean>) | undefined;
  const problemNow = async () => {
    passed ??= await logBarrier(rig.resources.pool);
    return (await passed())
      ? unsettled(rig, projections, log)
      : 'transactions older than the wait are still open';
  };
  for (;;) {
    const problem = await problemNow().catch(
      (error: Error) => `not reachable: ${error.message}`,
    );
    if (!problem) return;
    if (Date.now() > deadline) {
      throw new Error(`The system did not settle: ${problem}`);
    }
    await sleep(500);
  }
}

/** The last event per stream prefix, read on from where it stopped. */
class LogTail {
  private cursor: string | undefined;
  private readonly recent: RecordedEvent[] = [];

  constructor(private readonly store: Rig['resources']['store']) {}

  async last(prefixes: readonly string[]): Promise<RecordedEvent | undefined> {
    for (;;) {
      const page = await this.store.readAll({
        after: this.cursor,
        maxCount: 5000,
      });
      this.recent.push(...page);
      if (page.length > 0) this.cursor = page[page.length - 1].position;
      if (page.length < 5000) break;
    }
    // Only the newest events matter; keep a bounded tail.
    if (this.recent.length > 20_000) this.recent.splice(0, 10_000);
    return lastOf(this.recent, prefixes);
  }
}

async function unsettled(
  rig: Rig,
  projections: readonly Projection[],
  log: LogTail,
): Promise<string | null> {
  const counts = await queueCounts(rig.resources.queues);
  if (counts.active + counts.waiting > 0) {
    return `${counts.active} jobs active, ${counts.waiting} waiting`;
  }
  const { rows } = await rig.resources.pool.query<{
    name: string;
    position: string | null;
  }>('SELECT name, position FROM projection_checkpoints');
  const at = new Map(rows.map((r) => [r.name, r.position]));
  for (const projection of projections) {
    const last = await log.last(projection.streamPrefixes);
    if (last && at.get(projection.name) !== last.position) {
      return (
        `projection ${projection.name} at ${at.get(projection.name)}, ` +
        `the log at ${last.position}; projector said: ` +
        rig.fleet.output(rig.projector).slice(-2000)
      );
    }
  }
  return null;
}

function lastOf(
  log: readonly RecordedEvent[],
  prefixes: readonly string[],
): RecordedEvent | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    if (prefixes.some((p) => log[i].streamName.startsWith(p))) return log[i];
  }
  return undefined;
}

export async function queueCounts(queues: RoleQueueSet): Promise<QueueCounts> {
  const all = await Promise.all(
    WORKER_ROLES.map((role) =>
      queues
        .queue(role)
        .getJobCounts('active', 'waiting', 'prioritized', 'delayed', 'failed'),
    ),
  );
  return all.reduce<QueueCounts>(
    (sum, c) => ({
      active: sum.active + (c.active ?? 0),
      waiting: sum.waiting + (c.waiting ?? 0) + (c.prioritized ?? 0),
      delayed: sum.delayed + (c.delayed ?? 0),
      failed: sum.failed + (c.failed ?? 0),
    }),
    { active: 0, waiting: 0, delayed: 0, failed: 0 },
  );
}
