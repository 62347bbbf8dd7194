import {
  Catch,
  HttpException,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { DomainError } from '@opsdesk/domain';
import type { Logger } from '@opsdesk/platform';
import type { Response } from 'express';
import { ApiError, type ErrorBody } from './api-error';

const CODES_BY_STATUS: Record<number, string> = {
  400: 'INVALID_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/**
 * Every error leaves in the shape `{ error: { code, message, details } }`.
 * Anything unexpected is logged with its stack and answered as a plain
 * 500: no stack trace, SQL or host name reaches a client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toBody(exception);
    if (exception instanceof ApiError && exception.retryAfterSeconds) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(status).json(body);
  }

  private toBody(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof DomainError) {
      return {
        status: exception.httpStatus,
        body: {
          error: {
            code: exception.code,
            message: exception.message,
            details: exception.details(),
          },
        },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (isErrorBody(payload)) return { status, body: payload };
      return {
        status,
        body: {
          error: {
            code: CODES_BY_STATUS[status] ?? 'HTTP_ERROR',
            message: messageOf(payload, exception.message),
            details: {},
          },
        },
      };
    }
    // Body-parser errors (malformed JSON, too large) carry a status.
    const status = statusOf(exception);
    if (status && status >= 400 && status < 500) {
      return {
        status,
        body: {
          error: {
            code: CODES_BY_STATUS[status] ?? 'INVALID_REQUEST',
            message:
              status === 413
                ? 'Request body is too large'
                : 'Malformed request body',
            details: {},
          },
        },
      };
    }
    this.logger.error({ err: exception }, 'unhandled error');
    return {
      status: 500,
      body: {
        error: { code: 'INTERNAL', message: 'Internal error', details: {} },
      },
    };
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof (value as ErrorBody).error?.code === 'string'
  );
}

function messageOf(payload: unknown, fallback: string): string {
  if (typeof payload === 'string') return payload;
  const message = (payload as { message?: unknown })?.message;
  return typeof message === 'string' ? message : fallback;
}

function statusOf(exception: unknown): number | undefined {
  const value = (exception as { status?: unknown; statusCode?: unknown }) ?? {};
  const status = value.status ?? value.statusCode;
  return typeof status === 'number' ? status : undefined;
}
