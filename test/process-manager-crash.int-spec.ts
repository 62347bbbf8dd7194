import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { CommandExecutor, type CommandEnvelope } from '@opsdesk/messaging';
import { createLogger, loadConfig, uuidv7 } from '@opsdesk/platform';
import {
  closeResources,
  openResources,
  type OpsdeskResources,
} from '@opsdesk/runtime';
import { toStationSnapshot } from '@opsdesk/stations';
import { createTestSchema, type TestSchema } from './support/database';
import { exited, startApp } from './support/child-process';
import { eventually } from './support/eventually';
import { logBarrier } from './support/log-barrier';
import { TEST_REDIS_URL, testQueuePrefix } from './support/redis';
import { deleteKeys } from './support/system';

/**
 * The process manager is SIGKILLed between an append and its enqueue, and
 * between its enqueue and its checkpoint. After a restart every hand-off
 * is on the queue exactly once.
 */
describe('a process manager killed mid-hand-off', () => {
  let schema: TestSchema;
  let prefix: string;
  let resources: OpsdeskResources;
  let env: Record<string, string>;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    schema = await createTestSchema('crash');
    prefix = testQueuePrefix('crash');
    env = {
      DATABASE_URL: schema.url,
      DATABASE_SCHEMA: schema.schema,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
    };
    resources = await openResources(
      loadConfig({ ...process.env, ...env }),
      createLogger('crash-test', 'silent'),
    );
  });

  afterAll(async () => {
    for (const child of children)
      if (child.exitCode === null) child.kill('SIGKILL');
    await closeResources(resources);
    await deleteKeys(prefix);
    await schema.drop();
  });

  /** A recorded ticket whose task was just created: dispatch must be told. */
  async function ticketAwaitingDispatch(): Promise<string> {
    const executor = new CommandExecutor(
      resources.store,
      resources.processes,
      resources.logger,
    );
    const [station] = await resources.stations.listStations();
    const ticketId = uuidv7();
    const actor = {
      id: 'agent-0107',
      role: 'cs-phone-agent' as const,
      kind: 'person' as const,
    };
    const command = (
      type: string,
      payload: Record<string, unknown>,
    ): CommandEnvelope => ({
      commandId: randomUUID(),
      processId: 'station-fault',
      ticketId,
      type,
      payload,
      actor,
      correlationId: ticketId,
      causationId: ticketId,
      issuedAt: new Date().toISOString(),
    });
    await executor.execute(
      command('ReportStationFault', {
        ticketNumber: `SF-TEST-${ticketId.slice(-4)}`,
        reporter: { type: 'user', phone: '13900001111' },
        callTime: new Date().toISOString(),
        station: toStationSnapshot(station),
        faultDescription: '道闸无法抬杆',
        suspectedChargingPile: false,
      }),
    );
    await executor.execute(command('CreateFaultTask', {}));
    return ticketId;
  }

  async function dispatchJobsFor(ticketId: string) {
    const jobs = await resources.queues
      .queue('dispatch-manager')
      .getJobs(['waiting', 'active', 'delayed', 'completed', 'failed']);
    return jobs.filter((job) => job.id?.includes(ticketId));
  }

  async function crashAt(faultPoint: string) {
    const child = startApp('projector', {
      ...env,
      OPSDESK_FAULT_POINT: faultPoint,
    });
    children.push(child);
    return exited(child);
  }

  async function runUntil(check: () => Promise<void>) {
    const child = startApp('projector', env);
    children.push(child);
    await eventually(check, 30_000);
    child.kill('SIGTERM');
    await exited(child);
  }

  it('hands the ticket on once when killed after the append and before the enqueue', async () => {
    const ticketId = await ticketAwaitingDispatch();

    const crash = await crashAt('process-manager:before-enqueue');

    expect(crash.signal).toBe('SIGKILL');
    expect(await dispatchJobsFor(ticketId)).toHaveLength(0);

    await runUntil(async () => {
      expect(await dispatchJobsFor(ticketId)).toHaveLength(1);
    });
    const [job] = await dispatchJobsFor(ticketId);
    expect(job.data).toMatchObject({
      kind: 'handoff',
      ticketId,
      fromRole: 'cs-phone-agent',
      toRole: 'dispatch-manager',
      status: 'AWAITING_DISPATCH',
    });
  });

  it('hands the ticket on once when killed after the enqueue and before the checkpoint', async () => {
    const ticketId = await ticketAwaitingDispatch();

    const crash = await crashAt('process-manager:before-checkpoint');

    expect(crash.signal).toBe('SIGKILL');
    // The restart replays at least the event it died on; the job id
    // derived from that event keeps the queue at one job.
    // An empty read after the checkpoint proves it caught up only once
    // no transaction older than now can hide a row from the reader.
    const passed = await logBarrier(schema.pool);
    await runUntil(async () => {
      expect(await passed()).toBe(true);
      const { rows } = await schema.pool.query<{ position: string }>(
        `SELECT position FROM process_manager_checkpoints`,
      );
      const last = await resources.store.readAll({ after: rows[0]?.position });
      expect(last).toHaveLength(0);
    });
    expect(await dispatchJobsFor(ticketId)).toHaveLength(1);
  });
});
