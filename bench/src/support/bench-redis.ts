import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { onInterrupt } from './cleanup';

export const BENCH_REDIS_URL =
  process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A BullMQ prefix of this bench run alone. */
export function benchQueuePrefix(label: string): string {
  const prefix = `opsdesk-bench-${label}-${randomBytes(4).toString('hex')}`;
  onInterrupt(() => deleteKeys(prefix));
  return prefix;
}

/** Removes every Redis key under `prefix`. */
export async function deleteKeys(prefix: string): Promise<number> {
  const redis = new Redis(BENCH_REDIS_URL, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${prefix}*`,
        'COUNT',
        1000,
      );
      if (keys.length) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
