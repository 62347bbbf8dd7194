import { once } from 'node:events';
import { OwnRedis } from '../../../test/faults/support/own-redis';
import { closeRedisClient, createRedis } from './redis';

// Each case on a redis-server of its own, which it kills or freezes.
describe('closing a plain Redis client', () => {
  let server: OwnRedis;

  beforeEach(async () => {
    server = await OwnRedis.start();
  });

  afterEach(async () => {
    await server.stop();
  });

  async function connected() {
    const client = createRedis(server.url);
    client.on('error', () => undefined);
    await client.ping();
    return client;
  }

  it('lets a connected client finish what it has sent first', async () => {
    const client = await connected();
    const ended = once(client, 'end');

    const sent = client.echo('last words');
    await closeRedisClient(client);

    await expect(sent).resolves.toBe('last words');
    await ended;
  });

  // A QUIT would queue behind the command and wait for Redis to return;
  // this test would then run out of time.
  it('drops a client with a command queued while Redis is away', async () => {
    const client = await connected();
    await server.kill();
    await once(client, 'reconnecting');
    const queued = client.publish('replies', 'an outcome');
    const ended = once(client, 'end');

    await closeRedisClient(client);

    await ended;
    await expect(queued).rejects.toThrow();
  });

  it('drops a client whose server stopped answering, after the bound', async () => {
    const client = await connected();
    server.freeze();
    const ended = once(client, 'end');

    await closeRedisClient(client, 100);

    await ended;
  });
});
