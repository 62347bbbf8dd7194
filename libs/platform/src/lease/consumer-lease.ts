import type { Pool, PoolClient } from 'pg';
import { fenceLeaseQuery } from './fence-lease-query';
import { LeaseLostError } from './lease.errors';

/**
 * A time-bound lease row per consumer name, with a fencing token that
 * grows by one on every change of holder.
 *
 * NOTE: not a session advisory lock. A lock held on a connection is
 * released when the process dies, but a paused process (SIGSTOP, a long
 * GC pause, a frozen VM) keeps its connection and so its lock, and no
 * standby could ever take over. A lease that must be renewed expires
 * instead, and the token lets every write check, in its own
 * transaction, that it still belongs to the current holding. Expiry is
 * judged by the database clock, so the processes' clocks do not matter.
 */
export class ConsumerLease {
  constructor(
    private readonly pool: Pool,
    readonly name: string,
    readonly holder: string,
    private readonly ttlMs: number,
  ) {}

  /** The new fencing token if the lease was free or expired, else none. */
  async tryAcquire(): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ fencing_token: string }>(
      `INSERT INTO consumer_leases (name, holder, fencing_token, expires_at)
       VALUES ($1, $2, 1, now() + make_interval(secs => $3 / 1000.0))
       ON CONFLICT (name) DO UPDATE
         SET holder = EXCLUDED.holder,
             fencing_token = consumer_leases.fencing_token + 1,
             acquired_at = now(),
             expires_at = EXCLUDED.expires_at
         WHERE consumer_leases.expires_at < now()
       RETURNING fencing_token`,
      [this.name, this.holder, this.ttlMs],
    );
    return rows[0]?.fencing_token;
  }

  /** Extends the holding; false if another holder has taken it. */
  async renew(token: string): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE consumer_leases
          SET expires_at = now() + make_interval(secs => $3 / 1000.0)
        WHERE name = $1 AND fencing_token = $2`,
      [this.name, token, this.ttlMs],
    );
    return result.rowCount === 1;
  }

  /** Lets a standby take over at its next poll instead of at expiry. */
  async release(token: string): Promise<void> {
    await this.pool.query(
      `UPDATE consumer_leases SET expires_at = now() - interval '1 ms'
        WHERE name = $1 AND fencing_token = $2`,
      [this.name, token],
    );
  }
}

/**
 * Inside the caller's transaction: throws LeaseLostError unless `token`
 * is still the current one. The share lock makes a takeover (which
 * updates the row) wait until this transaction ends, so a takeover
 * never overlaps a write of the former holder.
 *
 * A holder frozen in the middle of the transaction would hold that lock,
 * and the rows it touched, for as long as it stays frozen, so that no
 * standby could take over. With `idleLimitMs` (the lease's lifetime) the
 * server ends such a session once it has been idle in the transaction
 * that long, which rolls it back and frees the locks; the caller must
 * then expect its connection to fail.
 */
export async function assertLeaseHeld(
  client: PoolClient,
  name: string,
  token: string,
  idleLimitMs?: number,
): Promise<void> {
  // The check a fenced write makes inside its own statement, alone.
  const { rows } = await client.query<{ fencing_token: string }>(
    `WITH ${fenceLeaseQuery(1, idleLimitMs === undefined ? undefined : 2)}
     SELECT fencing_token::text AS fencing_token FROM fence_lease`,
    idleLimitMs === undefined ? [name] : [name, String(idleLimitMs)],
  );
  if (rows[0]?.fencing_token !== token) throw new LeaseLostError(name, token);
}
