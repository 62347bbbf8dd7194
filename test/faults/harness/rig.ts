import { createLogger, loadConfig } from '@opsdesk/platform';
import {
  closeResources,
  openResources,
  type OpsdeskResources,
} from '@opsdesk/runtime';
import { createTestSchema, type TestSchema } from '../../support/database';
import { Fleet } from '../support/fleet';
import { OwnPostgres } from '../support/own-postgres';
import { OwnRedis } from '../support/own-redis';

export interface RigOptions {
  /** Worker processes, each running every role. */
  workers: number;
  /** A PostgreSQL cluster of the rig's own (to restart it); else a schema. */
  ownPostgres: boolean;
  /** Workers' job lock; short, so stalls and crashes resolve quickly. */
  lockDurationMs?: number;
  /** Extra environment for every member. */
  env?: Record<string, string>;
}

/**
 * Everything one fault run needs, of its own: a Redis, a database (its own
 * cluster, or a fresh schema in the shared test database), the shared
 * resources opened in this process for the driver and the checks, and a
 * fleet of worker processes plus one projector.
 */
export class Rig {
  readonly workers: string[];
  readonly projector = 'projector';
  readonly lockDurationMs: number;

  private constructor(
    readonly redis: OwnRedis,
    readonly postgres: OwnPostgres | undefined,
    private readonly schema: TestSchema | undefined,
    readonly env: Record<string, string>,
    readonly resources: OpsdeskResources,
    readonly fleet: Fleet,
    options: RigOptions,
  ) {
    this.workers = Array.from(
      { length: options.workers },
      (_, i) => `worker-${i + 1}`,
    );
    this.lockDurationMs = options.lockDurationMs ?? 2000;
  }

  static async open(options: RigOptions): Promise<Rig> {
    const redis = await OwnRedis.start();
    let postgres: OwnPostgres | undefined;
    let schema: TestSchema | undefined;
    try {
      let database: { url: string; schema: string };
      if (options.ownPostgres) {
        postgres = await OwnPostgres.start();
        database = { url: postgres.url, schema: 'opsdesk_faults' };
      } else {
        schema = await createTestSchema('faults');
        database = { url: schema.url, schema: schema.schema };
      }
      const lockDurationMs = options.lockDurationMs ?? 2000;
      const env: Record<string, string> = {
        DATABASE_URL: database.url,
        DATABASE_SCHEMA: database.schema,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: 'faults',
        LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'error',
        WORKER_LOCK_DURATION_MS: String(lockDurationMs),
        WORKER_STALLED_INTERVAL_MS: String(Math.ceil(lockDurationMs / 2)),
        WORKER_MAX_STALLED_COUNT: '5',
        WORKER_SHUTDOWN_TIMEOUT_MS: '5000',
        // Each run reads the whole log: often enough to matter within a
        // run, not so often that it is most of the load.
        RECONCILE_INTERVAL_MS: '15000',
        RECONCILE_GRACE_MS: '5000',
        // Station-fault tickets only: no call-back process after a result.
        CALLBACK_MODE: 'manual',
        ...options.env,
      };
      const resources = await openResources(
        loadConfig({ ...process.env, ...env }),
        createLogger('fault-harness', 'silent'),
      );
      return new Rig(
        redis,
        postgres,
        schema,
        env,
        resources,
        new Fleet(env),
        options,
      );
    } catch (error) {
      await redis.stop();
      await postgres?.stop();
      await schema?.drop();
      throw error;
    }
  }

  startFleet(): void {
    for (const name of this.workers) {
      this.fleet.start({ name, app: 'worker', args: ['--role', 'all'] });
    }
    this.fleet.start({ name: this.projector, app: 'projector' });
  }

  async close(): Promise<void> {
    await this.fleet.stopAll();
    await closeResources(this.resources).catch(() => undefined);
    await this.redis.stop();
    await this.postgres?.stop();
    await this.schema?.drop().catch(() => undefined);
  }
}
