import { Writable } from 'node:stream';
import Redis from 'ioredis';
import { closedPort } from '../../../../test/support/closed-port';
import { eventually } from '../../../../test/support/eventually';
import { OwnRedis } from '../../../../test/faults/support/own-redis';
import { createLogger, redisConnectionOptions } from '@opsdesk/platform';
import { RoleQueueSet } from './role-queue-set';

const silent = createLogger('role-queue-set-test', 'silent');

/** A logger whose lines are kept, parsed, for the test to read. */
function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger('role-queue-set-test', 'info', stream) };
}

describe('RoleQueueSet', () => {
  let server: OwnRedis;
  let admin: Redis;

  beforeAll(async () => {
    server = await OwnRedis.start();
    admin = new Redis(server.url);
  });

  afterAll(async () => {
    admin.disconnect();
    await server.stop();
  });

  /** Connections to the server other than this test's own. */
  async function otherClients(): Promise<number> {
    const list = (await admin.client('LIST')) as string;
    return list.trim().split('\n').length - 1;
  }

  it('connects for a role only once something is sent to its queue', async () => {
    const queues = new RoleQueueSet(
      redisConnectionOptions(server.url),
      'p',
      silent,
    );
    try {
      await queues.queue('dispatch-manager').getJobCounts('waiting');
      // Every role's queue, opened at once, would have connected by now.
      await new Promise((resolve) => setTimeout(resolve, 300));

      expect(await otherClients()).toBe(1);
    } finally {
      await queues.close();
    }
  });

  it('refuses an unknown role, and any role once closed', async () => {
    const queues = new RoleQueueSet(
      redisConnectionOptions(server.url),
      'p',
      silent,
    );
    expect(() => queues.queue('janitor' as never)).toThrow(
      'No queue for role janitor',
    );
    await queues.close();
    expect(() => queues.queue('dispatch-manager')).toThrow(
      'The role queues are closed',
    );
  });

  it('logs a refused connection as a warning naming the queue, not on the console', async () => {
    const { lines, logger } = capturedLog();
    const printed = jest.spyOn(console, 'error').mockImplementation();
    const queues = new RoleQueueSet(
      {
        host: '127.0.0.1',
        port: await closedPort(),
        maxRetriesPerRequest: null,
      },
      'p',
      logger,
    );
    try {
      queues.queue('dispatch-manager');

      const [first] = await eventually(async () => {
        expect(lines.length).toBeGreaterThan(0);
        return lines;
      });
      expect(first).toMatchObject({
        level: 40, // pino's warn
        queue: 'dispatch-manager',
        msg: 'queue connection error',
        err: { code: 'ECONNREFUSED' },
      });
      expect(printed).not.toHaveBeenCalled();
    } finally {
      await queues.close();
      printed.mockRestore();
    }
  });
});
