import pino, { type DestinationStream, type Logger } from 'pino';
import { redactForLog } from './log-redaction';

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
  return pino(
    {
      level,
      redact,
      base: { service },
      // Beyond the fixed paths: tokens, passwords and phone numbers at any
      // depth and inside messages.
      formatters: { log: (object) => redactForLog(object) },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg) =>
            typeof arg === 'string' ? redactForLog(arg) : arg,
          ) as Parameters<typeof method>;
          method.apply(this, masked);
        },
      },
    },
    destination,
  );
}
