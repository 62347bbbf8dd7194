import type { LoggerService } from '@nestjs/common';
import type { Logger } from '@opsdesk/platform';

/** Nest's own messages (routes mapped, shutdown) as pino JSON lines. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.debug({ nest: context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ nest: context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ nest: context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ nest: context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ nest: context }, String(message));
  }
}
