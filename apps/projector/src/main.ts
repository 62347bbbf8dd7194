import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, loadConfig } from '@opsdesk/platform';
import {
  CoreModule,
  LogConsumersModule,
  MetricsEndpointModule,
  NestPinoLogger,
  openResources,
  ReconcilerModule,
  runMain,
  type OpsdeskResources,
} from '@opsdesk/runtime';

@Module({})
class ProjectorAppModule {
  static forRoot(resources: OpsdeskResources): DynamicModule {
    return {
      module: ProjectorAppModule,
      imports: [
        CoreModule.forRoot(resources),
        LogConsumersModule.forRoot(resources),
        // TODO(#12): not under a lease, so it runs in every projector of a
        // standby pair; its re-enqueues reuse job ids, so twice is harmless.
        ReconcilerModule.forRoot(resources),
        MetricsEndpointModule.forRoot(resources),
      ],
    };
  }
}

/** The process manager and the projections: everything that follows the log. */
runMain('opsdesk-projector', async () => {
  const config = loadConfig();
  const logger = createLogger('projector', config.logLevel);

  const resources = await openResources(config, logger);
  const app = await NestFactory.createApplicationContext(
    ProjectorAppModule.forRoot(resources),
    { logger: new NestPinoLogger(logger) },
  );
  app.enableShutdownHooks();
  await app.init();
});
