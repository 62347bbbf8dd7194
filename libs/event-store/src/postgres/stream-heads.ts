import type { ActualRevision } from '../append-rules';

/** A stream's last revision and the hash its next event chains to. */
export interface StreamHead {
  revision: ActualRevision;
  hash: string | undefined;
}

/**
 * The heads of recently written or read streams, so an append can number
 * and chain its events without asking the server first. A stale head
 * costs a second try, never a wrong append: the server checks the head
 * the events were chained on under the stream's lock.
 */
export class StreamHeads {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity = 20_000) {}

  get(stream: string): StreamHead | undefined {
    return this.heads.get(stream);
  }

  set(stream: string, head: StreamHead): void {
    this.heads.delete(stream);
    this.heads.set(stream, head);
    if (this.heads.size > this.capacity) {
      const oldest = this.heads.keys().next().value;
      if (oldest !== undefined) this.heads.delete(oldest);
    }
  }

  /** After an append whose outcome is unknown. */
  forget(stream: string): void {
    this.heads.delete(stream);
  }
}
