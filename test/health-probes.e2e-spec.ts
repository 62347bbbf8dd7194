import { OwnRedis } from './faults/support/own-redis';
import { eventually } from './support/eventually';
import { startTestSystem, type TestSystem } from './support/system';

/**
 * A Redis that keeps its connections and answers nothing (a frozen or
 * overloaded server) must not hold `/health`, which orchestrators poll
 * with a short timeout of their own.
 */
describe('/health while Redis answers nothing', () => {
  let redis: OwnRedis;
  let system: TestSystem;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    system = await startTestSystem(
      { REDIS_URL: redis.url },
      { workers: false },
    );
  }, 60_000);

  afterAll(async () => {
    redis?.thaw();
    await system?.stop();
    await redis?.stop();
  }, 60_000);

  it('answers not-ready within its bound, naming Redis, and ready once Redis answers', async () => {
    redis.freeze();
    try {
      const frozen = await system.client.fetch('/health', { token: null });

      expect(frozen.status).toBe(503);
      expect(frozen.body).toMatchObject({
        status: 'not-ready',
        checks: {
          redis: { status: 'down', reason: 'TIMEOUT' },
          postgres: { status: 'up' },
        },
      });
    } finally {
      redis.thaw();
    }
    await eventually(async () => {
      expect(
        (await system.client.fetch('/health', { token: null })).status,
      ).toBe(200);
    });
  }, 30_000);
});
