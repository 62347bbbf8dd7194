import { commandJobId } from '@opsdesk/messaging';
import { eventually } from '../support/eventually';
import { intakeCommand } from './harness/commands';
import { Rig } from './harness/rig';
import { queueCounts } from './harness/scenario';
import { printSummary } from './harness/summary';
import { planTickets } from './harness/ticket-plans';

/**
 * SIGTERM while a job runs: the worker stops taking jobs, lets the running
 * one finish within WORKER_SHUTDOWN_TIMEOUT_MS, closes its connections and
 * exits; a job that outlasts the bound is handed back, not left active.
 * The running job is made slow by a fault point that waits (never by a
 * timing assertion): `role-worker:before-execute` with `delay:<ms>`.
 */
describe('a worker told to stop (SIGTERM) while a job runs', () => {
  let rig: Rig;
  const [finishing, abandoned] = planTickets(2, 'graceful-shutdown');

  beforeAll(async () => {
    rig = await Rig.open({ workers: 0, ownPostgres: true });
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
  }, 60_000);

  async function eventsOf(ticketId: string) {
    return rig.resources.store.readStream(`station-fault-${ticketId}`);
  }

  async function runningJob(plan: typeof finishing) {
    const { role, command } = intakeCommand(plan, rig.resources.roster);
    await rig.resources.queues.addCommand(role, command);
    const queue = rig.resources.queues.queue(role);
    const jobId = commandJobId(command);
    await eventually(async () => {
      expect(await queue.getJobState(jobId)).toBe('active');
    }, 60_000);
    return { queue, jobId };
  }

  it('finishes the running job, exits, and leaves nothing active', async () => {
    rig.fleet.start({
      name: 'draining',
      app: 'worker',
      args: ['--role', 'cs-phone-agent'],
      env: {
        OPSDESK_FAULT_POINT: 'role-worker:before-execute',
        OPSDESK_FAULT_ACTION: 'delay:3000',
        WORKER_SHUTDOWN_TIMEOUT_MS: '60000',
      },
    });
    const { queue, jobId } = await runningJob(finishing);

    const exit = await rig.fleet.terminate('draining');

    // Nest re-raises the signal once it has shut down.
    expect(exit.signal).toBe('SIGTERM');
    expect(await queue.getJobState(jobId)).toBe('completed');
    expect(await eventsOf(finishing.ticketId)).toHaveLength(2);
    expect((await queueCounts(rig.resources.queues)).active).toBe(0);
    printSummary(
      `[faults] sigterm-during-job: jobs=1 completed=1 exit=${exit.signal} active=0`,
    );
  }, 120_000);

  it('hands back a job that outlasts the bound, which another worker then runs once', async () => {
    rig.fleet.start({
      name: 'slow',
      app: 'worker',
      args: ['--role', 'cs-phone-agent'],
      env: {
        OPSDESK_FAULT_POINT: 'role-worker:before-execute',
        // Far longer than the bound: only the bound can end this process.
        OPSDESK_FAULT_ACTION: 'delay:600000',
        WORKER_SHUTDOWN_TIMEOUT_MS: '1000',
      },
    });
    const { queue, jobId } = await runningJob(abandoned);

    const exit = await rig.fleet.terminate('slow');

    expect(exit.signal).toBe('SIGTERM');
    expect(await queue.getJobState(jobId)).toBe('waiting');
    expect((await queueCounts(rig.resources.queues)).active).toBe(0);

    rig.fleet.start({
      name: 'successor',
      app: 'worker',
      args: ['--role', 'cs-phone-agent'],
    });
    await eventually(async () => {
      expect(await queue.getJobState(jobId)).toBe('completed');
    }, 60_000);
    expect(await eventsOf(abandoned.ticketId)).toHaveLength(2);
    printSummary(
      `[faults] sigterm-past-bound: jobs=1 handedBack=1 completedElsewhere=1 exit=${exit.signal} active=0`,
    );
  }, 180_000);
});
