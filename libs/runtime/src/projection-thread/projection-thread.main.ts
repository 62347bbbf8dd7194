import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger } from '@opsdesk/platform';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { CoreModule } from '../core.module';
import { LogConsumersModule } from '../log-consumers.module';
import { NestPinoLogger } from '../nest-logger';
import { openResources, type OpsdeskResources } from '../resources';
import type { ProjectionThreadData } from './projection-thread';
import type {
  FromProjectionThread,
  ToProjectionThread,
} from './thread-messages';
import { ToldNonAppending } from './told-non-appending';

@Module({})
class ProjectionsOnlyModule {
  static forRoot(resources: OpsdeskResources): DynamicModule {
    return {
      module: ProjectionsOnlyModule,
      imports: [
        CoreModule.forRoot(resources),
        LogConsumersModule.forRoot(resources, 'projections'),
      ],
    };
  }
}

/**
 * The entry point of the projection thread (ProjectionThread): the read
 * models' runners on resources of their own, with the configuration of
 * the process that started it.
 */
async function main(
  port: MessagePort,
  { config }: ProjectionThreadData,
): Promise<void> {
  const tell = (message: FromProjectionThread) => port.postMessage(message);
  try {
    const logger = createLogger('opsdesk', config.logLevel).child({
      component: 'projection-thread',
    });
    const resources = await openResources(config, logger, {
      nonAppending: new ToldNonAppending(port),
    });
    const app = await NestFactory.createApplicationContext(
      ProjectionsOnlyModule.forRoot(resources),
      { logger: new NestPinoLogger(logger) },
    );
    await app.init();
    port.on('message', (message: ToProjectionThread) => {
      if (message.type !== 'stop') return;
      // The runners finish their pages, then the resources close.
      void app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'projection thread stopped badly');
          process.exit(1);
        },
      );
    });
    tell({ type: 'ready' });
  } catch (error) {
    tell({ type: 'failed', message: (error as Error).message });
    process.exit(1);
  }
}

if (parentPort) void main(parentPort, workerData as ProjectionThreadData);
