import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { queuePrefixFor } from '@opsdesk/messaging';
import { bullConnection } from '@opsdesk/platform';
import { UnrecoverableError, Worker } from 'bullmq';
import { createApiApp } from '../apps/api/src/create-api-app';
import { OpsdeskClient } from '../apps/api/src/demo/opsdesk-client';
import { pickStation } from '../apps/api/src/demo/scenarios';
import { eventually } from './support/eventually';
import { startTestSystem, type TestSystem } from './support/system';

type Answer = { commandId: string; ticket?: { id: string } };

const agent = { id: 'agent-0107', role: 'cs-phone-agent' };

/**
 * Repeats (the same Idempotency-Key) whose reply never reaches them: the
 * API must find their outcome itself. The wait for a reply is set far
 * beyond the test's time limit, so a repeat that only waited would fail.
 */
const NO_TIMEOUT = { COMMAND_WAIT_MS: '600000' };

function intake(stationId: string) {
  return {
    reporter: { type: 'user', phone: '13900001111' },
    stationId,
    faultDescription: '道闸无法抬杆',
    suspectedChargingPile: false,
  };
}

async function jobsOf(system: TestSystem): Promise<number> {
  const counts = await system.resources.queues
    .queue('cs-phone-agent')
    .getJobCounts('active', 'waiting', 'completed', 'failed');
  return Object.values(counts).reduce((n, c) => n + c, 0);
}

describe('a repeat sent to another API process while the command runs', () => {
  let system: TestSystem;
  let second: INestApplication;
  let secondClient: OpsdeskClient;

  beforeAll(async () => {
    // The worker's first command waits a while, so the repeat arrives
    // while the job (which carries the first API's channel) still runs.
    process.env.OPSDESK_FAULT_POINT = 'role-worker:before-execute';
    process.env.OPSDESK_FAULT_ACTION = 'delay:1500';
    system = await startTestSystem(NO_TIMEOUT);
    second = await createApiApp(system.resources, { all: false });
    await second.listen(0, '127.0.0.1');
    const { port } = second.getHttpServer().address() as { port: number };
    secondClient = new OpsdeskClient(
      `http://127.0.0.1:${port}`,
      system.tokens,
      system.client.defaultActor,
    );
  });

  afterAll(async () => {
    delete process.env.OPSDESK_FAULT_POINT;
    delete process.env.OPSDESK_FAULT_ACTION;
    await second?.close();
    await system?.stop();
  });

  it('is answered there with the first request’s answer', async () => {
    const stationId = (await pickStation(system.client, false)).id;
    const key = `repeat-${randomUUID()}`;
    const options = { actor: agent, idempotencyKey: key };

    const first = system.client.send<Answer>(
      '/station-faults',
      intake(stationId),
      options,
    );
    // Its job is on the queue (the hand-off that follows it may be too).
    await eventually(async () =>
      expect(await jobsOf(system)).toBeGreaterThanOrEqual(1),
    );
    const repeat = await secondClient.send<Answer>(
      '/station-faults',
      intake(stationId),
      options,
    );

    expect(repeat.status).toBe(201);
    expect(repeat.body).toEqual((await first).body);
  });
});

describe('a command whose job failed for good', () => {
  let system: TestSystem;
  let failing: Worker;

  beforeAll(async () => {
    system = await startTestSystem(NO_TIMEOUT, { workers: false });
    // Stands in for a worker that cannot run the command at all: its job
    // ends as a dead letter, with nothing in the ledger.
    const { config } = system.resources;
    failing = new Worker(
      'cs-phone-agent',
      () => Promise.reject(new UnrecoverableError('cannot run this')),
      {
        connection: bullConnection(config),
        prefix: queuePrefixFor(config.queuePrefix, 'cs-phone-agent'),
      },
    );
  });

  afterAll(async () => {
    await failing?.close();
    await system?.stop();
  });

  it('answers 202, and so does a repeat of it', async () => {
    const stationId = (await pickStation(system.client, false)).id;
    const options = { actor: agent, idempotencyKey: `dead-${randomUUID()}` };

    const first = await system.client.send<Answer>(
      '/station-faults',
      intake(stationId),
      options,
    );
    const repeat = await system.client.send<Answer>(
      '/station-faults',
      intake(stationId),
      options,
    );

    expect(first.status).toBe(202);
    expect(repeat.status).toBe(202);
    expect(repeat.body.commandId).toBe(first.body.commandId);
    expect(
      await system.client.get(`/commands/${first.body.commandId}`),
    ).toEqual({ commandId: first.body.commandId, status: 'pending' });
  });
});
