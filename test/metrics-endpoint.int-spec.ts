import { randomUUID } from 'node:crypto';
import { RoleQueueSet } from '@opsdesk/messaging';
import { bullConnection, createLogger, loadConfig } from '@opsdesk/platform';
import { exited, startApp } from './support/child-process';
import { closedPort } from './support/closed-port';
import { createTestSchema, type TestSchema } from './support/database';
import { eventually } from './support/eventually';
import { sampleOf } from './support/prometheus-text';
import { TEST_REDIS_URL, testQueuePrefix } from './support/redis';
import { deleteKeys } from './support/system';

/**
 * A worker process serves no API; with METRICS_PORT it serves its own
 * figures, the jobs its role workers finished among them.
 */
describe('a worker process started with METRICS_PORT', () => {
  let schema: TestSchema;
  let prefix: string;
  let url: string;
  let worker: ReturnType<typeof startApp>;
  let queues: RoleQueueSet;

  beforeAll(async () => {
    schema = await createTestSchema('metrics');
    prefix = testQueuePrefix('metrics');
    const port = await closedPort();
    url = `http://127.0.0.1:${port}`;
    const env = {
      DATABASE_URL: schema.url,
      DATABASE_SCHEMA: schema.schema,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      METRICS_PORT: String(port),
    };
    // At info level a worker says when its role workers have started.
    worker = startApp('worker', { ...env, LOG_LEVEL: 'info' }, [
      '--role',
      'cs-phone-agent',
    ]);
    await eventually(async () => {
      expect(worker.output()).toContain('role workers started');
    }, 60_000);
    queues = new RoleQueueSet(
      bullConnection(loadConfig({ ...process.env, ...env })),
      prefix,
      createLogger('metrics-endpoint-test', 'silent'),
    );
  }, 90_000);

  afterAll(async () => {
    if (worker) {
      worker.kill('SIGTERM');
      await exited(worker);
    }
    await queues?.close();
    await deleteKeys(prefix);
    await schema?.drop();
  }, 60_000);

  it('serves the process’s figures at GET /metrics', async () => {
    const response = await fetch(`${url}/metrics`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(
      /^text\/plain; version=0\.0\.4/,
    );
    expect(
      sampleOf(await response.text(), 'opsdesk_process_cpu_user_seconds_total'),
    ).toBeGreaterThan(0);
  });

  it('counts the jobs its role workers finished', async () => {
    // A command whose envelope lost its actor, with a single attempt: the
    // worker fails it for good.
    const command = {
      commandId: randomUUID(),
      type: 'ReportStationFault',
      processId: 'station-fault',
      ticketId: randomUUID(),
      payload: {},
    };
    await queues
      .queue('cs-phone-agent')
      .add(command.type, { kind: 'command', command } as never, {
        attempts: 1,
        removeOnFail: true,
      });

    await eventually(async () => {
      const text = await (await fetch(`${url}/metrics`)).text();
      expect(
        sampleOf(text, 'opsdesk_jobs_finished_total', {
          queue: 'cs-phone-agent',
          outcome: 'failed',
        }),
      ).toBe(1);
    });
  });

  it('answers 404 on any other path, in the usual error shape', async () => {
    const response = await fetch(`${url}/health`);

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
  });
});
