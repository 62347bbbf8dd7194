import { join } from 'node:path';
import { RoleQueueSet } from '@opsdesk/messaging';
import { createLogger, redisConnectionOptions } from '@opsdesk/platform';
import { LifecycleGenerator } from '../fixtures/lifecycles';
import { benchSigningKey } from '../queries/bench-token';
import {
  BENCH_DATABASE_URL,
  createBenchSchema,
} from '../support/bench-database';
import {
  benchQueuePrefix,
  BENCH_REDIS_URL,
  deleteKeys,
} from '../support/bench-redis';
import { BenchChild } from '../support/child';
import { freePort } from '../support/free-port';
import type { Context } from './e2e-context';
import { VisibilityWatcher } from './visibility-watcher';

const SYSTEM = join(__dirname, 'system.child.js');

/**
 * The system as `npm start` composes it, in one process of its own (API,
 * every role worker, the process manager, every projection), on the local
 * Redis, a fresh schema and a fresh queue prefix. `close()` stops it and
 * drops what it made.
 */
export async function openSingleProcess(
  label: string,
): Promise<{ ctx: Context; close(): Promise<void> }> {
  const schema = await createBenchSchema(label, 4);
  const prefix = benchQueuePrefix(label);
  const port = await freePort();
  const child = new BenchChild(SYSTEM, {
    name: `${label}-system`,
    // BENCH_PROJECTIONS=in-process: the projections beside the workers,
    // as before they had a thread of their own, for a comparison.
    args:
      process.env.BENCH_PROJECTIONS === 'in-process'
        ? ['--all', '--projections-in-process']
        : ['--all'],
    env: {
      DATABASE_URL: BENCH_DATABASE_URL,
      DATABASE_SCHEMA: schema.schema,
      REDIS_URL: BENCH_REDIS_URL,
      QUEUE_PREFIX: prefix,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      // Its own key, so an API with bearer tokens needs no key file.
      AUTH_SIGNING_KEY: benchSigningKey(),
    },
  });
  let watcher: VisibilityWatcher | undefined;
  const queues = new RoleQueueSet(
    redisConnectionOptions(BENCH_REDIS_URL),
    prefix,
    createLogger('bench', 'warn'),
  );
  const close = async () => {
    await watcher?.close().catch(() => undefined);
    await queues.close().catch(() => undefined);
    await child.stop();
    await deleteKeys(prefix);
    await schema.drop();
  };
  try {
    await child.next('ready', 120_000);
    watcher = await VisibilityWatcher.install(
      schema.pool,
      BENCH_DATABASE_URL,
      schema.schema,
    );
  } catch (error) {
    await close();
    throw error;
  }
  return {
    ctx: {
      schema,
      prefix,
      child,
      queues,
      watcher,
      generator: new LifecycleGenerator(99),
      cpuOwners: { 'node (system)': child.pid, 'node (bench)': process.pid },
    },
    close,
  };
}
