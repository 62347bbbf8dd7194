import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type {
  NestExpressApplication,
  NestExpressBodyParserOptionsFor,
} from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { NestPinoLogger, type OpsdeskResources } from '@opsdesk/runtime';
import { ApiModule, type ApiOptions } from './api.module';
import { authenticate } from './auth/authenticate.middleware';
import { outsidePartiesReadTheirOwn } from './auth/outside-party-reads';
import { operatorsOnly } from './auth/operator-access';
import { resolveSigningKey } from './auth/signing-key';
import { QUEUE_BOARD_PATH, QueueBoard } from './dead-letters/queue-board';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { ApiMetrics } from './metrics/api-metrics';
import {
  rejectHostileInput,
  requireJsonBody,
  verifyUtf8,
} from './http/hostile-input';
import { createValidationPipe } from './http/validation';

/** The HTTP application, configured but not yet listening. */
export async function createApiApp(
  resources: OpsdeskResources,
  options: ApiOptions,
): Promise<INestApplication> {
  const logger = resources.logger.child({ component: 'api' });
  // Refuses to start without a key it may use (see README, Identity).
  const signing = resolveSigningKey(
    resources.config,
    options.host ?? process.env.HOST ?? '127.0.0.1',
  );
  if (signing.source === 'development') {
    logger.warn(
      { file: signing.file },
      'AUTH_SIGNING_KEY is not set: tokens are checked with the development key',
    );
  }
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.forRoot(resources, options),
    { logger: new NestPinoLogger(logger), bodyParser: false },
  );
  // In this order: every answer counted, who is asking, what they send,
  // then whether it parses and keeps within bounds; only then do guards,
  // pipes and handlers run.
  app.use(app.get(ApiMetrics).httpMiddleware);
  app.use(authenticate(signing.key, logger));
  app.use(outsidePartiesReadTheirOwn);
  app.use(requireJsonBody);
  // Nest's options type leaves out body-parser's `verify` (it uses it for
  // raw bodies, which are off here); it is passed through unchanged.
  app.useBodyParser('json', {
    limit: '64kb',
    verify: verifyUtf8,
  } as NestExpressBodyParserOptionsFor<'json'>);
  app.use(rejectHostileInput);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(logger));
  app.enableShutdownHooks();
  app.use(QUEUE_BOARD_PATH, operatorsOnly, app.get(QueueBoard).router);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('opsdesk')
      .setDescription('客服中心工单后端 · Customer-service centre back end')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
  return app;
}
