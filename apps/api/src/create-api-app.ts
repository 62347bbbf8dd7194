import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { NestPinoLogger, type OpsdeskResources } from '@opsdesk/runtime';
import { ApiModule, type ApiOptions } from './api.module';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { createValidationPipe } from './http/validation';

/** The HTTP application, configured but not yet listening. */
export async function createApiApp(
  resources: OpsdeskResources,
  options: ApiOptions,
): Promise<INestApplication> {
  const logger = resources.logger.child({ component: 'api' });
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.forRoot(resources, options),
    { logger: new NestPinoLogger(logger), bodyParser: false },
  );
  app.useBodyParser('json', { limit: '64kb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(logger));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('opsdesk')
      .setDescription('客服中心工单后端 · Customer-service centre back end')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
  return app;
}
