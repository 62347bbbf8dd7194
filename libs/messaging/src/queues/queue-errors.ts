import type { Logger } from '@opsdesk/platform';
import type { Queue } from 'bullmq';

/**
 * Sends a producer queue's connection errors to the process's log. A
 * BullMQ queue with no 'error' listener prints each one, stack and all,
 * to the console, past the log and its redaction, once per reconnect
 * attempt while Redis is away.
 */
export function logQueueErrors(queue: Queue, logger: Logger): void {
  queue.on('error', (err: Error) =>
    logger.warn({ err, queue: queue.name }, 'queue connection error'),
  );
}
