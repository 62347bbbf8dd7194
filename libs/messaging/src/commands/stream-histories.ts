import type { EventStore, RecordedEvent } from '@opsdesk/event-store';

/**
 * Streams recently read, so reading one again asks the store only for
 * the events after those already held. Every read still asks: what comes
 * back is as current as a full read, since stored events never change,
 * but a ticket's history is not sent and parsed again on every command.
 */
export class StreamHistories {
  private readonly histories = new Map<string, readonly RecordedEvent[]>();

  constructor(
    private readonly store: Pick<EventStore, 'readStream'>,
    private readonly capacity = 5000,
  ) {}

  /** The whole stream, in revision order. */
  async read(streamName: string): Promise<readonly RecordedEvent[]> {
    const known = this.histories.get(streamName) ?? [];
    const newer = await this.store.readStream(
      streamName,
      known.length > 0 ? { fromRevision: known.length } : {},
    );
    const history = newer.length > 0 ? [...known, ...newer] : known;
    this.remember(streamName, history);
    return history;
  }

  private remember(
    streamName: string,
    history: readonly RecordedEvent[],
  ): void {
    this.histories.delete(streamName);
    if (history.length === 0) return;
    this.histories.set(streamName, history);
    if (this.histories.size > this.capacity) {
      const oldest = this.histories.keys().next().value;
      if (oldest !== undefined) this.histories.delete(oldest);
    }
  }
}
