import { streamNameOf } from '@opsdesk/domain';
import {
  handoffJobId,
  latestHandoff,
  MAINTENANCE_QUEUE,
  maintenanceQueuePrefix,
  type ReconcileReport,
} from '@opsdesk/messaging';
import { redisConnectionOptions } from '@opsdesk/platform';
import { Queue } from 'bullmq';
import { eventually } from '../support/eventually';
import { sleep } from './support/processes';
import type { Rig } from './harness/rig';
import { runScenario, type ScenarioReport } from './harness/scenario';
import { printSummary, summaryLine } from './harness/summary';
import { planTickets } from './harness/ticket-plans';
import { readWholeLog } from './harness/verify';
import { logBarrier } from '../support/log-barrier';

const TICKETS = 240;

/**
 * Redis is wiped in the middle of a run, with every opsdesk process down
 * so that the log stands still: every hand-off job and command in flight
 * is gone. When the processes come back, the reconciler's first run must
 * re-enqueue exactly the hand-offs the log says are still owed (computed
 * here independently), and every ticket must still close as it would have
 * without the wipe.
 */
describe('Redis wiped in the middle of a run', () => {
  let report: ScenarioReport;
  let owed: string[] = [];
  let firstRun: ReconcileReport | undefined;

  async function owedHandoffs(rig: Rig): Promise<string[]> {
    const { store, processes, pool } = rig.resources;
    const process = processes.get('station-fault');
    if (!process) throw new Error('station-fault is not installed');
    const ids: string[] = [];
    for (const plan of planTickets(TICKETS, 'redis-wipe')) {
      const events = await store.readStream(
        streamNameOf('station-fault', plan.ticketId),
      );
      const job = latestHandoff(process, events);
      if (job) ids.push(handoffJobId(job));
    }
    const { rows } = await pool.query<{ job_id: string }>(
      `SELECT job_id FROM handoff_notifications
        WHERE job_id = ANY($1::text[]) AND completed_at IS NOT NULL`,
      [ids],
    );
    const done = new Set(rows.map((r) => r.job_id));
    return ids.filter((id) => !done.has(id)).sort();
  }

  /**
   * A worker killed mid-append may still commit it: the server finishes a
   * statement whose client has gone. Waits until the log's end has not
   * moved for a second.
   */
  async function logStandsStill(rig: Rig): Promise<void> {
    const end = async () => (await readWholeLog(rig.resources.store)).length;
    await eventually(async () => {
      const before = await end();
      await sleep(1000);
      expect(await end()).toBe(before);
    }, 120_000);
  }

  async function processManagerCaughtUp(rig: Rig): Promise<void> {
    const { store, processes, pool } = rig.resources;
    // The log stood still: what it read must be all there is.
    const passed = await logBarrier(pool);
    await eventually(async () => {
      expect(await passed()).toBe(true);
      const log = await readWholeLog(store);
      const last = log
        .filter((e) =>
          processes.streamPrefixes().some((p) => e.streamName.startsWith(p)),
        )
        .at(-1);
      const { rows } = await pool.query<{ position: string }>(
        `SELECT position FROM process_manager_checkpoints WHERE name = 'process-manager'`,
      );
      expect(rows[0]?.position).toBe(last?.position);
    }, 120_000);
  }

  async function firstReconcileRun(rig: Rig): Promise<ReconcileReport> {
    const queue = new Queue(MAINTENANCE_QUEUE, {
      connection: redisConnectionOptions(rig.redis.url),
      prefix: maintenanceQueuePrefix('faults'),
    });
    try {
      return await eventually(async () => {
        const [first] = (await queue.getJobs(['completed'])).sort(
          (a, b) => (a.finishedOn ?? 0) - (b.finishedOn ?? 0),
        );
        expect(first).toBeDefined();
        return first.returnvalue as ReconcileReport;
      }, 120_000);
    } finally {
      await queue.close();
    }
  }

  beforeAll(async () => {
    report = await runScenario({
      name: 'redis-wiped',
      tickets: TICKETS,
      seed: 'redis-wipe',
      workers: 2,
      faults: [],
      pauseMs: [0, 0],
      ownPostgres: true,
      maxOpen: TICKETS,
      duplicateRate: 0,
      deadlineMs: 8 * 60_000,
      midRun: {
        atClosed: TICKETS / 3,
        async run({ rig }) {
          // Workers first, so the log stands still; the projector once it
          // has enqueued the hand-off of every event, so that none of what
          // the wipe loses is still on its way from the process manager.
          for (const name of rig.workers) await rig.fleet.halt(name);
          await logStandsStill(rig);
          await processManagerCaughtUp(rig);
          await rig.fleet.halt(rig.projector);
          // Older than the reconciler's grace period, so its first run
          // owes nothing to a process manager that is merely late.
          await sleep(Number(rig.env.RECONCILE_GRACE_MS) + 1000);
          await rig.redis.restart({ keepData: false });
          owed = await owedHandoffs(rig);
          // The projector alone first: its runs are then one at a time, so
          // the first one meets every loss and repairs all of it.
          rig.fleet.resume(rig.projector);
          firstRun = await firstReconcileRun(rig);
          for (const name of rig.workers) rig.fleet.resume(name);
        },
      },
    });
    printSummary(
      `${summaryLine(report)} owedAfterWipe=${owed.length} ` +
        `restoredByFirstRun=${firstRun?.reEnqueued}`,
    );
  }, 10 * 60_000);

  it('owed hand-offs when the processes came back', () => {
    expect(owed.length).toBeGreaterThan(0);
  });

  it('re-enqueues every missing hand-off, and only those, in its first run', () => {
    expect(firstRun?.repaired.map((r) => r.jobId).sort()).toEqual(owed);
  });

  it('leaves no ticket stuck', () => {
    expect(report.stuck).toEqual([]);
    expect(report.verdict.lost).toEqual([]);
  });

  it('ends every ticket as a run without the wipe does, without duplicates', () => {
    expect(report.verdict.mismatched).toEqual([]);
    expect(report.verdict.duplicateEvents).toEqual([]);
    expect(report.verdict.duplicateNotifications).toBe(0);
    expect(report.verdict.unexpectedNotifications).toEqual([]);
    expect(report.verdict.readModelDiffs).toEqual([]);
  });
});
