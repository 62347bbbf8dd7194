import { commandJobId, type AcceptedOutcome } from '@opsdesk/messaging';
import { eventually } from '../support/eventually';
import { intakeCommand } from './harness/commands';
import { Rig } from './harness/rig';
import { printSummary } from './harness/summary';
import { planTickets } from './harness/ticket-plans';

const LOCK_MS = 1500;

/**
 * A worker freezes right after its append (a fault point that blocks the
 * event loop, as a long GC pause or synchronous work would, then SIGSTOP)
 * for longer than its job lock. The lock lapses, a second worker's stalled-job check
 * gives the job back to the queue, the second worker runs it, finds the
 * command already in the log, and appends nothing.
 */
describe('a job whose lock lapsed while its worker froze', () => {
  let rig: Rig;
  const [plan] = planTickets(1, 'stalled-lock');

  beforeAll(async () => {
    rig = await Rig.open({
      workers: 0,
      ownPostgres: true,
      lockDurationMs: LOCK_MS,
    });
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
  }, 60_000);

  it('runs again on another worker and appends nothing new', async () => {
    const { role, command } = intakeCommand(plan, rig.resources.roster);
    const stream = `station-fault-${plan.ticketId}`;
    rig.fleet.start({
      name: 'freezing',
      app: 'worker',
      args: ['--role', role],
      env: {
        OPSDESK_FAULT_POINT: 'role-worker:after-append',
        OPSDESK_FAULT_ACTION: `stall:${LOCK_MS * 6}`,
      },
    });
    await rig.resources.queues.addCommand(role, command);
    // The append is in the log: the first worker is frozen from here on.
    await eventually(async () => {
      expect(await rig.resources.store.readStream(stream)).toHaveLength(2);
    }, 60_000);
    // Held frozen (SIGSTOP) beyond its stall, however long the rescuer
    // takes to start on a loaded machine; a stopped process uses no CPU.
    process.kill(rig.fleet.pid('freezing') as number, 'SIGSTOP');

    rig.fleet.start({ name: 'rescuer', app: 'worker', args: ['--role', role] });
    const queue = rig.resources.queues.queue(role);
    const jobId = commandJobId(command);
    await eventually(async () => {
      expect(await queue.getJobState(jobId)).toBe('completed');
    }, 90_000);

    // The frozen worker never wakes: its late completion is not the point.
    await rig.fleet.halt('freezing');
    const job = await queue.getJob(jobId);
    const outcome = job?.returnvalue as AcceptedOutcome;
    const events = await rig.resources.store.readStream(stream);
    expect(job?.stalledCounter).toBeGreaterThanOrEqual(1);
    expect(job?.processedBy).toContain(`/${rig.fleet.pid('rescuer')}`);
    expect(outcome).toMatchObject({ status: 'accepted', duplicate: true });
    expect(events.map((e) => e.type)).toEqual([
      'station-fault.call-received',
      'station-fault.fault-recorded',
    ]);
    expect(new Set(events.map((e) => e.metadata.commandId))).toEqual(
      new Set([command.commandId]),
    );
    printSummary(
      `[faults] stalled-lock: jobs=1 stalled=${job?.stalledCounter} ` +
        `reranElsewhere=1 duplicate=${outcome.duplicate} events=${events.length} appendedTwice=0`,
    );
  }, 180_000);
});
