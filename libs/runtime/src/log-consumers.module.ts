import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CheckpointStore, ProcessManager } from '@opsdesk/messaging';
import {
  createMoneyProcessProjections,
  createStationFaultProjections,
  vaultOpener,
  ProjectionRunner,
} from '@opsdesk/read-models';
import { DeadlinesModule } from './deadlines.module';
import type { OpsdeskResources } from './resources';
import { TrafficViolationTimers } from './traffic-violation-timers';

const RESOURCES_TOKEN = Symbol('opsdesk:consumer-resources');

/**
 * The consumers of the stored log: the process manager (hand-offs) and
 * one runner per projection (read models), each with its own checkpoint.
 */
@Injectable()
export class LogConsumersHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly processManager: ProcessManager;
  private readonly runners: ProjectionRunner[];
  private readonly violationTimers: TrafficViolationTimers;

  constructor(@Inject(RESOURCES_TOKEN) resources: OpsdeskResources) {
    const { store, pool, processes, queues, logger } = resources;
    this.processManager = new ProcessManager(
      store,
      processes,
      queues,
      new CheckpointStore(pool),
      logger.child({ component: 'process-manager' }),
    );
    this.violationTimers = new TrafficViolationTimers({
      store,
      checkpoints: new CheckpointStore(pool),
      queues,
      clock: resources.clock,
      logger: logger.child({ component: 'traffic-violation-timers' }),
    });
    // Projections open the sealed personal data with the ticket's key.
    const personalData = vaultOpener(resources.vault);
    this.runners = [
      ...createStationFaultProjections({ personalData }),
      ...createMoneyProcessProjections({ personalData }),
    ].map(
      (projection) =>
        new ProjectionRunner({
          projection,
          store,
          pool,
          logger: logger.child({ component: 'projector' }),
        }),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.processManager.start();
    await this.violationTimers.start();
    await Promise.all(this.runners.map((runner) => runner.start()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.processManager.stop();
    await this.violationTimers.stop();
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  statuses() {
    return this.runners.map((runner) => runner.status());
  }
}

@Module({})
export class LogConsumersModule {
  static forRoot(resources: OpsdeskResources): DynamicModule {
    return {
      module: LogConsumersModule,
      // Timers and the links between processes follow the log too.
      imports: [DeadlinesModule.forRoot(resources)],
      providers: [
        { provide: RESOURCES_TOKEN, useValue: resources },
        LogConsumersHost,
      ],
      exports: [LogConsumersHost],
    };
  }
}
