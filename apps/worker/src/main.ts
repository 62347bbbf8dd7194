import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { WorkerRole } from '@opsdesk/messaging';
import { createLogger, loadConfig } from '@opsdesk/platform';
import {
  CoreModule,
  NestPinoLogger,
  openResources,
  parseRoles,
  MailIntakeModule,
  MetricsEndpointModule,
  ReconcilerModule,
  runMain,
  WorkersModule,
  type OpsdeskResources,
} from '@opsdesk/runtime';

@Module({})
class WorkerAppModule {
  static forRoot(
    resources: OpsdeskResources,
    roles: WorkerRole[],
  ): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [
        CoreModule.forRoot(resources),
        WorkersModule.forRoles(resources, roles),
        ReconcilerModule.forRoot(resources),
        // Takes mail in when MAIL_INBOX_DIR is set (邮件客服).
        MailIntakeModule.forRoot(resources),
        MetricsEndpointModule.forRoot(resources),
      ],
    };
  }
}

/** `npm run worker -- --role dispatch-manager`: one or several role workers. */
runMain('opsdesk-worker', async () => {
  const roles = parseRoles(process.argv.slice(2));
  const config = loadConfig();
  const logger = createLogger('worker', config.logLevel);

  const resources = await openResources(config, logger);
  const app = await NestFactory.createApplicationContext(
    WorkerAppModule.forRoot(resources, roles),
    { logger: new NestPinoLogger(logger) },
  );
  app.enableShutdownHooks();
  await app.init();
});
