import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  CommandExecutor,
  HandoffNotifier,
  JobMetrics,
  RoleWorker,
  SealingEventStore,
  stationFaultAutomation,
  TicketNumberAllocator,
  type AutomaticWork,
  type CommandPreparer,
  type WorkerRole,
} from '@opsdesk/messaging';
import {
  bullConnection,
  closeRedisClient,
  createRedisClient,
} from '@opsdesk/platform';
import type { Cluster, Redis } from 'ioredis';
import { callbackPreparers } from './deadlines.wiring';
import type { OpsdeskResources } from './resources';
import {
  moneyProcessAutomation,
  moneyProcessPreparers,
} from './money-processes.wiring';
import { wiredAutomation, wiredPreparers } from './process-wirings';
import { RosterInspectorPicker } from './roster-inspector-picker';
import { workerSettings } from './worker-settings';

const WORKER_ROLES_TOKEN = Symbol('opsdesk:worker-roles');
const RESOURCES_TOKEN = Symbol('opsdesk:worker-resources');

/** Starts one BullMQ worker per selected role and drains them on shutdown. */
@Injectable()
export class RoleWorkersHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly workers: RoleWorker[];
  /** One connection for every worker's replies to waiting gateways. */
  private readonly replies: Redis | Cluster;

  constructor(
    @Inject(WORKER_ROLES_TOKEN) roles: readonly WorkerRole[],
    @Inject(RESOURCES_TOKEN) private readonly resources: OpsdeskResources,
  ) {
    this.replies = createRedisClient(resources.config);
    this.replies.on('error', (err: Error) =>
      resources.logger.error({ err }, 'reply connection error'),
    );
    this.workers = roles.map((role) => this.createWorker(role));
  }

  onApplicationBootstrap(): void {
    for (const worker of this.workers) worker.start();
    this.resources.logger.info(
      { roles: this.workers.map((w) => w.role) },
      'role workers started',
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    const bound = workerSettings().shutdownTimeoutMs;
    await Promise.all(this.workers.map((w) => w.close(bound)));
    // After the workers: the last jobs' replies go out before it closes,
    // unless Redis is away (they would wait for it for ever).
    await closeRedisClient(this.replies);
  }

  private createWorker(role: WorkerRole): RoleWorker {
    const {
      config,
      logger,
      pool,
      store,
      processes,
      ledger,
      roster,
      queries,
      vault,
    } = this.resources;
    const numbers = new TicketNumberAllocator(pool);
    const preparers = new Map<string, CommandPreparer>([
      [
        'station-fault/ReportStationFault',
        async (command) => ({
          ...command,
          payload: {
            ...command.payload,
            ticketNumber: await numbers.next('SF', new Date(command.issuedAt)),
          },
        }),
      ],
      ...moneyProcessPreparers(numbers, store),
      ...callbackPreparers(numbers),
      ...wiredPreparers({ numbers, store, pool, clock: this.resources.clock }),
    ]);
    const automation = new Map<string, AutomaticWork>([
      [
        'station-fault',
        stationFaultAutomation({
          routingMode: config.routingMode,
          assignmentMode: config.assignmentMode,
          inspectors: new RosterInspectorPicker(roster, queries),
        }),
      ],
      ...moneyProcessAutomation(),
      ...wiredAutomation(),
    ]);
    const settings = workerSettings();
    return new RoleWorker(
      {
        role,
        connection: bullConnection(config),
        basePrefix: config.queuePrefix,
        lockDuration: settings.lockDurationMs,
        stalledInterval: settings.stalledIntervalMs,
        maxStalledCount: settings.maxStalledCount,
        concurrency: settings.concurrency,
      },
      {
        processes,
        // Personal data is sealed before it reaches the log (#7).
        executor: new CommandExecutor(
          new SealingEventStore(store, processes, vault),
          processes,
          logger,
          preparers,
          () => this.resources.clock.now(),
          this.resources.histories,
        ),
        histories: this.resources.histories,
        ledger,
        notifier: new HandoffNotifier(pool),
        replies: this.replies,
        automation,
        logger,
        metrics: JobMetrics.forProcess(),
      },
    );
  }
}

@Module({})
export class WorkersModule {
  static forRoles(
    resources: OpsdeskResources,
    roles: readonly WorkerRole[],
  ): DynamicModule {
    return {
      module: WorkersModule,
      providers: [
        { provide: WORKER_ROLES_TOKEN, useValue: roles },
        { provide: RESOURCES_TOKEN, useValue: resources },
        RoleWorkersHost,
      ],
    };
  }
}
