import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  ActiveStandby,
  ConsumerLease,
  type StandbyConsumer,
} from '@opsdesk/platform';
import type { OpsdeskResources } from './resources';

/** Names this process in the lease table: host, pid and a random tag. */
export const leaseHolderId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** Runs `consumer` only while this process holds the lease `name`. */
export function underLease(
  resources: Pick<OpsdeskResources, 'pool' | 'config' | 'logger'>,
  name: string,
  consumer: StandbyConsumer,
): ActiveStandby {
  const { pool, config, logger } = resources;
  return new ActiveStandby({
    lease: new ConsumerLease(pool, name, leaseHolderId, config.leaseTtlMs),
    consumer,
    pollMs: config.leasePollMs,
    ttlMs: config.leaseTtlMs,
    logger: logger.child({ component: 'lease' }),
  });
}
