import type { PoolClient } from 'pg';

/**
 * The data keys looked up in a transaction that several projections share
 * (SharedCommits: every read model's commit of one page), so each key is
 * asked for once a page instead of once a projection. The first look-up
 * share-locks the keys until the transaction ends: no erasure can delete
 * one meanwhile, so a later look-up would answer the same. A subject
 * without a key is remembered as null (erased; it gets none again).
 */
const keysOfTransaction = new WeakMap<PoolClient, Map<string, Buffer | null>>();

/** From now until `forgetTransactionKeys`, the client's look-ups are kept. */
export function rememberTransactionKeys(client: PoolClient): void {
  keysOfTransaction.set(client, new Map());
}

/** The transaction has ended: its locks, and so its keys, are gone. */
export function forgetTransactionKeys(client: PoolClient): void {
  keysOfTransaction.delete(client);
}

/** The keys kept for the client's transaction, if it keeps them. */
export function transactionKeys(
  client: PoolClient,
): Map<string, Buffer | null> | undefined {
  return keysOfTransaction.get(client);
}
