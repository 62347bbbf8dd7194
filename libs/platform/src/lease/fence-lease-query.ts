/**
 * A fence's lease check as a WITH query of the caller's own write, so the
 * check costs no round trip of its own (a projection pays one per page).
 * `fence_lease` is the lease's row, share-locked so that a takeover waits
 * for the writing transaction to end. The write tests
 * `fence_lease.fencing_token` itself, returns it, and the caller hands it
 * to `Fence.confirm`; assertLeaseHeld is the same check alone.
 *
 * With `idleLimitParam` it also sets the transaction's idle limit (the
 * lease's lifetime); a statement outside a transaction has no idle time.
 */
export function fenceLeaseQuery(
  nameParam: number,
  idleLimitParam?: number,
): string {
  const idleLimit =
    idleLimitParam === undefined
      ? ''
      : `, set_config('idle_in_transaction_session_timeout',` +
        ` $${idleLimitParam}, true) AS idle_limit`;
  return `fence_lease AS MATERIALIZED (
      SELECT fencing_token${idleLimit}
        FROM consumer_leases WHERE name = $${nameParam} FOR SHARE)`;
}
