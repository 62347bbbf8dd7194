import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Log field names, kept in one place so every line that names a ticket,
 * job or correlation uses the same key.
 */
export const LogFields = {
  ticketId: 'ticketId',
  ticketNumber: 'ticketNumber',
  queue: 'queue',
  jobId: 'jobId',
  attempt: 'attempt',
  correlationId: 'correlationId',
  commandId: 'commandId',
  fromRole: 'fromRole',
  toRole: 'toRole',
  component: 'component',
} as const;

const redact = {
  paths: [
    'authorization',
    '*.authorization',
    'headers.authorization',
    'req.headers.authorization',
    'password',
    '*.password',
    'reporter.phone',
    '*.reporter.phone',
  ],
  censor: '[redacted]',
};

export function createLogger(
  component: string,
  level: string = process.env.LOG_LEVEL ?? 'info',
): Logger {
  return pino({ level, redact, base: { component } });
}
