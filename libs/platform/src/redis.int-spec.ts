import { OwnRedis } from '../../../test/faults/support/own-redis';
import { eventually } from '../../../test/support/eventually';
import type { Redis } from 'ioredis';
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

  // Not `events.once`: it rejects on the connection errors these cases
  // cause on purpose.
  const ending = (client: Redis) =>
    new Promise<void>((resolve) => client.once('end', () => resolve()));

  async function connected() {
    const client = createRedis(server.url);
    client.on('error', () => undefined);
    await client.ping();
    return client;
  }

  it('lets a connected client finish what it has sent first', async () => {
    const client = await connected();
    const ended = ending(client);

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
    await eventually(async () => {
      expect(['reconnecting', 'connecting']).toContain(client.status);
    });
    const queued = client.publish('replies', 'an outcome');
    const ended = ending(client);

    await closeRedisClient(client);

    await ended;
    await expect(queued).rejects.toThrow();
  });

  it('drops a client whose server stopped answering, after the bound', async () => {
    const client = await connected();
    server.freeze();
    const ended = ending(client);

    await closeRedisClient(client, 100);

    await ended;
  });
});
