import { Module, type DynamicModule } from '@nestjs/common';
import {
  CoreModule,
  LogConsumersModule,
  WorkersModule,
  type OpsdeskResources,
} from '@opsdesk/runtime';
import { WORKER_ROLES } from '@opsdesk/messaging';
import { CommandGateway } from './commands/command-gateway.service';
import { CommandsController } from './commands/commands.controller';
import { HealthController } from './health/health.controller';
import { TicketQueriesController } from './queries/ticket-queries.controller';
import { StationFaultActions } from './station-faults/station-fault-actions.service';
import { StationFaultsController } from './station-faults/station-faults.controller';
import { StationsController } from './stations/stations.controller';

export interface ApiOptions {
  /** Also run every role worker, the process manager and the projections. */
  all: boolean;
}

@Module({})
export class ApiModule {
  static forRoot(
    resources: OpsdeskResources,
    options: ApiOptions,
  ): DynamicModule {
    const inProcess = options.all
      ? [
          WorkersModule.forRoles(resources, WORKER_ROLES),
          LogConsumersModule.forRoot(resources),
        ]
      : [];
    return {
      module: ApiModule,
      imports: [CoreModule.forRoot(resources), ...inProcess],
      controllers: [
        StationFaultsController,
        TicketQueriesController,
        CommandsController,
        StationsController,
        HealthController,
      ],
      providers: [CommandGateway, StationFaultActions],
    };
  }
}
