import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { createLogger, loadConfig, type Clock } from '@opsdesk/platform';
import { openResources, type OpsdeskResources } from '@opsdesk/runtime';
import Redis from 'ioredis';
import { createApiApp } from '../../apps/api/src/create-api-app';
import {
  OpsdeskClient,
  type TokenSource,
} from '../../apps/api/src/demo/opsdesk-client';
import { signedTokens } from '../../apps/api/src/demo/signed-tokens';
import { createTestSchema, type TestSchema } from './database';
import { TEST_REDIS_URL, testQueuePrefix } from './redis';

/** The whole system in this process, on a fresh schema and queue prefix. */
export interface TestSystem {
  app: INestApplication;
  /** Sends as agent-0107 (cs-phone-agent, subsidiary sh) unless told otherwise. */
  client: OpsdeskClient;
  /** The key the API checks tokens with, to make tokens of any shape. */
  signingKey: string;
  /** A token for an actor, as `client` makes them. */
  tokens: TokenSource;
  resources: OpsdeskResources;
  schema: TestSchema;
  /** Closes the app alone (once), leaving the schema for the test to read. */
  close(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestSystem(
  env: Record<string, string> = {},
  /** `clock`: where deciders and timers read the time (the system's by default). */
  options: {
    workers?: boolean;
    clock?: Clock;
    /** With workers, where the projections run (beside them by default). */
    projections?: 'in-process' | 'thread';
  } = {},
): Promise<TestSystem> {
  const schema = await createTestSchema('sys');
  const prefix = testQueuePrefix('sys');
  const signingKey = randomBytes(32).toString('hex');
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: schema.url,
    DATABASE_SCHEMA: schema.schema,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    AUTH_SIGNING_KEY: signingKey,
    // A test drives many requests as one person; the limit has its own test.
    RATE_LIMIT_PER_MINUTE: '1000000',
    // The API answers 202 once a command has waited this long; on a busy
    // test machine a worker can take longer than production's 5 s, and
    // the test that wants the 202 sets its own bound.
    COMMAND_WAIT_MS: '60000',
    ...env,
  });
  const logger = createLogger('test-system', process.env.LOG_LEVEL ?? 'silent');
  const resources = await openResources(config, logger, {
    clock: options.clock,
  });
  const app = await createApiApp(resources, {
    all: options.workers ?? true,
    projections: options.projections,
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };

  const tokens = signedTokens(config.authSigningKey ?? signingKey);
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= app.close());
  return {
    app,
    resources,
    schema,
    signingKey: config.authSigningKey ?? signingKey,
    tokens,
    client: new OpsdeskClient(`http://127.0.0.1:${port}`, tokens, {
      id: 'agent-0107',
      role: 'cs-phone-agent',
      subsidiary: 'sh',
    }),
    close,
    async stop() {
      await close();
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
