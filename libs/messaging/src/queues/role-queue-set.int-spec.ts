import Redis from 'ioredis';
import { OwnRedis } from '../../../../test/faults/support/own-redis';
import { redisConnectionOptions } from '@opsdesk/platform';
import { RoleQueueSet } from './role-queue-set';

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
    const queues = new RoleQueueSet(redisConnectionOptions(server.url), 'p');
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
    const queues = new RoleQueueSet(redisConnectionOptions(server.url), 'p');
    expect(() => queues.queue('janitor' as never)).toThrow(
      'No queue for role janitor',
    );
    await queues.close();
    expect(() => queues.queue('dispatch-manager')).toThrow(
      'The role queues are closed',
    );
  });
});
