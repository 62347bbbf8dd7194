/**
 * The lease this instance wrote under has passed to another holder (or
 * expired and was taken): the transaction must roll back and the
 * instance step down to standby.
 */
export class LeaseLostError extends Error {
  readonly code = 'LEASE_LOST';

  constructor(
    readonly lease: string,
    readonly fencingToken: string,
  ) {
    super(`${lease}: fencing token ${fencingToken} is no longer current`);
  }
}
