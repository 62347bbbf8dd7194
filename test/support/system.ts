import type { INestApplication } from '@nestjs/common';
import { createLogger, loadConfig } from '@opsdesk/platform';
import { openResources, type OpsdeskResources } from '@opsdesk/runtime';
import Redis from 'ioredis';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { OpsdeskClient } from '../../apps/api/src/demo/opsdesk-client';
import { createTestSchema, type TestSchema } from './database';
import { TEST_REDIS_URL, testQueuePrefix } from './redis';

/** The whole system in this process, on a fresh schema and queue prefix. */
export interface TestSystem {
  app: INestApplication;
  client: OpsdeskClient;
  resources: OpsdeskResources;
  schema: TestSchema;
  stop(): Promise<void>;
}

export async function startTestSystem(
  env: Record<string, string> = {},
  options: { workers?: boolean } = {},
): Promise<TestSystem> {
  const schema = await createTestSchema('sys');
  const prefix = testQueuePrefix('sys');
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: schema.url,
    DATABASE_SCHEMA: schema.schema,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    ...env,
  });
  const logger = createLogger('test-system', process.env.LOG_LEVEL ?? 'silent');
  const resources = await openResources(config, logger);
  const app = await createApiApp(resources, { all: options.workers ?? true });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };

  return {
    app,
    resources,
    schema,
    client: new OpsdeskClient(`http://127.0.0.1:${port}`),
    async stop() {
      await app.close();
      await deleteKeys(prefix);
      await schema.drop();
    },
  };
}

/** Removes every Redis key a test's queue prefix made. */
export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${prefix}*`,
        'COUNT',
        500,
      );
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
