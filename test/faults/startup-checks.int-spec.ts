import { checkRedis, ServiceUnavailableError } from '@opsdesk/platform';
import { exited, startApp } from '../support/child-process';
import { createTestSchema, type TestSchema } from '../support/database';
import { OwnRedis } from './support/own-redis';
import { printSummary } from './harness/summary';

/**
 * Redis must never evict (an evicted lock or queue key breaks BullMQ):
 * every entry point refuses a Redis whose maxmemory-policy is anything
 * but noeviction, and only warns where the server forbids the check.
 * Each case runs on a redis-server of its own on a free loopback port.
 */
describe('starting against a Redis that may evict keys', () => {
  let evicting: OwnRedis;
  let forbidding: OwnRedis;
  let schema: TestSchema;

  beforeAll(async () => {
    [evicting, forbidding, schema] = await Promise.all([
      OwnRedis.start({ maxmemoryPolicy: 'allkeys-lru' }),
      OwnRedis.start({ forbidConfig: true }),
      createTestSchema('startup'),
    ]);
  });

  afterAll(async () => {
    await Promise.all([evicting?.stop(), forbidding?.stop(), schema?.drop()]);
  });

  it('is refused by the check, naming the policy', async () => {
    const refusal = await checkRedis(evicting.url).catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(ServiceUnavailableError);
    expect(refusal).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      service: 'Redis',
      where: `redis://127.0.0.1:${evicting.port}`,
    });
  });

  it.each([
    ['worker', ['--role', 'dispatch-manager']],
    ['projector', []],
  ] as const)(
    'makes the %s exit with one line that says what to set',
    async (app, args) => {
      const child = startApp(
        app,
        {
          DATABASE_URL: schema.url,
          DATABASE_SCHEMA: schema.schema,
          REDIS_URL: evicting.url,
        },
        [...args],
      );

      const { code } = await exited(child);
      const output = child.output().trim();

      expect(code).toBe(1);
      expect(output.split('\n')).toHaveLength(1);
      expect(output).toContain('maxmemory-policy allkeys-lru');
      expect(output).toContain('noeviction');
      printSummary(
        `[faults] startup-refusal: app=${app} policy=allkeys-lru exit=${code}`,
      );
    },
    60_000,
  );

  it('only warns when the server will not say its policy', async () => {
    const result = await checkRedis(forbidding.url);

    expect(result.warning).toEqual(expect.any(String));
  });
});
