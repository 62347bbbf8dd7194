import pino, { type DestinationStream, type Logger } from 'pino';

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
  service: 'service',
  component: 'component',
  projection: 'projection',
  position: 'position',
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

/**
 * The root logger of one process, named by its `service` (`opsdesk`,
 * `worker`, …); parts of it bind `component` on a child.
 */
export function createLogger(
  service: string,
  level: string = process.env.LOG_LEVEL ?? 'info',
  destination?: DestinationStream,
): Logger {
  const options = { level, redact, base: { service } };
  return destination ? pino(options, destination) : pino(options);
}
