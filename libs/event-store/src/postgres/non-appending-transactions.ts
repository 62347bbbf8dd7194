/**
 * Transactions of this process that write but never append to the log (a
 * read model's page, say), by transaction id while they are open.
 *
 * A reader of the log waits for every transaction older than the newest
 * committed append (the gate in log-queries.ts): one still open might yet
 * commit events that belong before it. A transaction that appends nothing
 * cannot, so the log tail need not wait for these. Without this, every
 * append committed while a read model was writing a page stayed unread
 * until that page committed: under load a projection's transaction lasts
 * tens of milliseconds and there was nearly always one open.
 *
 * Whoever adds an id promises that its transaction inserts no event; an id
 * added late or removed early only makes the tail wait as it used to.
 */
export class NonAppendingTransactions {
  private readonly ids = new Set<string>();

  add(transactionId: string): void {
    this.ids.add(transactionId);
  }

  delete(transactionId: string): void {
    this.ids.delete(transactionId);
  }

  /**
   * Forgets every id: the tail has a new connection, perhaps to a server
   * promoted after a failover that may hand out again ids the old one
   * gave to transactions still named here. Their owners' deletes find
   * nothing; until they end, the tail waits for them as for any other.
   */
  clear(): void {
    this.ids.clear();
  }

  /** The ids as the tail's query takes them (xid8 as text). */
  list(): string[] {
    return [...this.ids];
  }
}
