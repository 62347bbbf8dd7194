import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DEFAULT_DEADLINE_POLICY } from '@opsdesk/domain';
import {
  CheckpointStore,
  CommandExecutor,
  DeadlineAlerts,
  DeadlinePolicies,
  ProcessLinker,
  publishPolicyIfNone,
  SealingEventStore,
  TicketNumberAllocator,
  TimerFiring,
  TimerQueue,
  TimerReconciler,
  TimerScheduler,
  TimerWorker,
  type TimerReconcileReport,
} from '@opsdesk/messaging';
import { ChinaWorkingCalendar, bullConnection } from '@opsdesk/platform';
import { callbackPreparers, deadlineSettings } from './deadlines.wiring';
import { personalDataHold } from './personal-data-hold';
import type { OpsdeskResources } from './resources';

const RESOURCES_TOKEN = Symbol('opsdesk:deadline-resources');
const RETRY_MS = 1000;

/**
 * Deadlines and the links between processes, beside the other consumers of
 * the log: the default policy on first start, the timer scheduler and
 * worker, the reconciler of lost timers (on start and on a schedule), and
 * the linker that opens and closes call-backs.
 */
@Injectable()
export class DeadlinesHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  readonly queue: TimerQueue;
  readonly policies: DeadlinePolicies;
  readonly reconciler: TimerReconciler;
  readonly alerts: DeadlineAlerts;
  private readonly executor: CommandExecutor;
  private readonly worker: TimerWorker;
  private readonly scheduler: TimerScheduler;
  private readonly linker: ProcessLinker;
  private readonly settings = deadlineSettings();
  private interval?: NodeJS.Timeout;
  private starting: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    @Inject(RESOURCES_TOKEN) private readonly resources: OpsdeskResources,
  ) {
    const { config, store, pool, processes, vault, clock } = resources;
    const logger = resources.logger.child({ component: 'deadlines' });
    const calendar = new ChinaWorkingCalendar();
    const connection = bullConnection(config);
    const checkpoints = new CheckpointStore(pool, 'follower_checkpoints');
    this.executor = new CommandExecutor(
      new SealingEventStore(store, processes, vault),
      processes,
      logger,
      new Map(callbackPreparers(new TicketNumberAllocator(pool))),
      () => clock.now(),
    );
    this.queue = new TimerQueue(connection, config.queuePrefix, logger);
    this.policies = new DeadlinePolicies(store, this.settings.policy);
    this.alerts = new DeadlineAlerts(pool);
    this.worker = new TimerWorker({
      connection,
      basePrefix: config.queuePrefix,
      firing: new TimerFiring(this.executor),
      clock,
      logger,
    });
    this.scheduler = new TimerScheduler({
      store,
      processes,
      checkpoints,
      queue: this.queue,
      policies: this.policies,
      calendar,
      clock,
      alerts: this.alerts,
      logger,
    });
    this.reconciler = new TimerReconciler({
      store,
      processes,
      queue: this.queue,
      policies: this.policies,
      calendar,
      clock,
      logger,
    });
    this.linker = new ProcessLinker({
      store,
      processes,
      checkpoints,
      executor: this.executor,
      logger,
      callbackMode: this.settings.callbackMode,
      withPersonalData: personalDataHold(pool, vault),
    });
  }

  /**
   * Starts in the background, so that the hand-offs and projections
   * beside it do not wait for the timers; a failed start is logged and
   * tried again.
   */
  onApplicationBootstrap(): void {
    this.starting = this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.starting;
    clearInterval(this.interval);
    await this.linker.stop();
    await this.scheduler.stop();
    await this.worker.close();
    await this.queue.close();
  }

  private async start(): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await this.startOnce();
        return;
      } catch (error) {
        this.resources.logger.error(
          { err: error, component: 'deadlines', attempt },
          'deadlines did not start; trying again',
        );
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  private async startOnce(): Promise<void> {
    const published = await publishPolicyIfNone(
      this.executor,
      this.settings.policy,
      DEFAULT_DEADLINE_POLICY,
    );
    if (published === 'published') {
      this.resources.logger.info(
        { policy: this.settings.policy },
        'no deadline policy yet; published the default as version 1',
      );
    }
    this.worker.start();
    await this.scheduler.start();
    await this.linker.start();
    void this.reconcile();
    this.interval = setInterval(
      () => void this.reconcile(),
      this.settings.reconcileIntervalMs,
    );
    this.interval.unref();
  }

  /** One reconciliation now; a failure is logged, not thrown. */
  async reconcile(): Promise<TimerReconcileReport | undefined> {
    try {
      return await this.reconciler.run();
    } catch (error) {
      this.resources.logger.error(
        { err: error, component: 'deadlines' },
        'timer reconciliation failed',
      );
      return undefined;
    }
  }
}

@Module({})
export class DeadlinesModule {
  static forRoot(resources: OpsdeskResources): DynamicModule {
    return {
      module: DeadlinesModule,
      providers: [
        { provide: RESOURCES_TOKEN, useValue: resources },
        DeadlinesHost,
      ],
      exports: [DeadlinesHost],
    };
  }
}
