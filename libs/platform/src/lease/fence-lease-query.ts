/**
 * A fence's lease check as a WITH query of the caller's own write, for a
 * write that checks its holding in the same statement instead of one of
 * its own: a round trip fewer per transaction, which a projection pays
 * on every page. `fence_lease` is the lease's row, share-locked like
 * assertLeaseHeld's, so a takeover waits for the writing transaction to
 * end. The write tests `fence_lease.fencing_token` itself, returns it,
 * and the caller hands it to `Fence.confirm`.
 *
 * With `idleLimitParam` it also sets the transaction's idle limit, as
 * `Fence.check` does; a statement outside a transaction has no idle time.
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
