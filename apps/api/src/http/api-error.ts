import { HttpException } from '@nestjs/common';

/** The one error body every endpoint answers with: `{ error: { code, message, details } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    /** Sent as `Retry-After`: when the same request may succeed. */
    readonly retryAfterSeconds?: number,
  ) {
    super({ error: { code, message, details } } satisfies ErrorBody, status);
  }
}
