import {
  Global,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { closeResources, type OpsdeskResources } from './resources';
import {
  CLOCK,
  COMMAND_LEDGER,
  CONFIG,
  EVENT_STORE,
  LOGGER,
  PG_POOL,
  PROCESS_CATALOG,
  ROLE_QUEUES,
  ROSTER,
  STATION_REGISTRY,
  TICKET_QUERIES,
} from './runtime.tokens';

const RESOURCES = Symbol('opsdesk:resources');

/**
 * Closes the shared connections last: Nest calls this after every
 * `beforeApplicationShutdown`, where workers drain their running jobs.
 */
@Injectable()
class ResourcesLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(RESOURCES) private readonly resources: OpsdeskResources,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await closeResources(this.resources);
  }
}

/** Shares the resources opened before Nest starts with every module. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(resources: OpsdeskResources): DynamicModule {
    const values = [
      { provide: RESOURCES, useValue: resources },
      { provide: CONFIG, useValue: resources.config },
      { provide: LOGGER, useValue: resources.logger },
      { provide: PG_POOL, useValue: resources.pool },
      { provide: EVENT_STORE, useValue: resources.store },
      { provide: PROCESS_CATALOG, useValue: resources.processes },
      { provide: ROLE_QUEUES, useValue: resources.queues },
      { provide: COMMAND_LEDGER, useValue: resources.ledger },
      { provide: STATION_REGISTRY, useValue: resources.stations },
      { provide: ROSTER, useValue: resources.roster },
      { provide: TICKET_QUERIES, useValue: resources.queries },
      { provide: CLOCK, useValue: resources.clock },
    ];
    return {
      module: CoreModule,
      providers: [...values, ResourcesLifecycle],
      exports: values.map((v) => v.provide),
    };
  }
}
