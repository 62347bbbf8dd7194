import { ConsumerLease, LeaseLostError, type Fence } from '@opsdesk/platform';
import type { Pool } from 'pg';

/**
 * Takes the lease `name` for `holder` and returns its fence, as an
 * ActiveStandby would hand it to its consumer (without stepping down).
 */
export async function holdLease(
  pool: Pool,
  name: string,
  holder: string,
): Promise<Fence> {
  const ttlMs = 60_000;
  const lease = new ConsumerLease(pool, name, holder, ttlMs);
  const token = await lease.tryAcquire();
  if (token === undefined) throw new Error(`${holder} got no lease`);
  return {
    lease: name,
    token,
    idleLimitMs: ttlMs,
    confirm: (found) => {
      if (found !== token) throw new LeaseLostError(name, token);
    },
  };
}
