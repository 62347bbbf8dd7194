import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  handoffExpectations,
  ReconcileSchedule,
  Reconciler,
  type ReconcileReport,
} from '@opsdesk/messaging';
import type { OpsdeskResources } from './resources';
import { optionalInteger } from './worker-settings';

const RESOURCES_TOKEN = Symbol('opsdesk:reconciler-resources');

/** `RECONCILE_INTERVAL_MS`: how often the scheduled run comes (5 min). */
export function reconcileIntervalMs(
  env: NodeJS.ProcessEnv = process.env,
): number {
  return Math.max(
    1000,
    optionalInteger('RECONCILE_INTERVAL_MS', env) ?? 300_000,
  );
}

/** The reconciler over every kind of job it knows how to restore. */
export function createReconciler(resources: OpsdeskResources): Reconciler {
  const { store, processes, queues, pool, logger } = resources;
  return new Reconciler({
    store,
    processes,
    queues,
    logger: logger.child({ component: 'reconciler' }),
    graceMs: optionalInteger('RECONCILE_GRACE_MS', process.env) ?? 10_000,
    // Deadline timers have a reconciler of their own (TimerReconciler in
    // the deadlines module), and traffic-violation timers are set again
    // from the log when their scheduler starts.
    sources: [handoffExpectations(queues, pool)],
  });
}

/**
 * Runs the reconciler when the process starts (and on every reconnect to
 * Redis) and on its schedule; stops before the shared connections close.
 */
@Injectable()
export class ReconcilerHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly reconciler: Reconciler;
  private readonly schedule: ReconcileSchedule;

  constructor(@Inject(RESOURCES_TOKEN) resources: OpsdeskResources) {
    this.reconciler = createReconciler(resources);
    this.schedule = new ReconcileSchedule(
      this.reconciler,
      {
        redis: resources.config,
        basePrefix: resources.config.queuePrefix,
        everyMs: reconcileIntervalMs(),
      },
      resources.logger.child({ component: 'reconciler' }),
    );
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedule.close();
  }

  /** One run now, in this process. */
  run(): Promise<ReconcileReport> {
    return this.reconciler.run();
  }
}

@Module({})
export class ReconcilerModule {
  static forRoot(resources: OpsdeskResources): DynamicModule {
    return {
      module: ReconcilerModule,
      providers: [
        { provide: RESOURCES_TOKEN, useValue: resources },
        ReconcilerHost,
      ],
      exports: [ReconcilerHost],
    };
  }
}
