import { randomBytes } from 'node:crypto';

export const TEST_REDIS_URL =
  process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A BullMQ prefix no other test file uses. */
export function testQueuePrefix(label = 'test'): string {
  const worker = process.env.JEST_WORKER_ID ?? '0';
  return `opsdesk-${label}-w${worker}-${randomBytes(4).toString('hex')}`;
}
