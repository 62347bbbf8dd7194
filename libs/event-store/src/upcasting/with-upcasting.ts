import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import type { UpcasterRegistry } from './upcaster-registry';

/**
 * An event store whose every read path (readStream, readAll,
 * subscribeToAll) returns events at their latest schema version; appends
 * pass through unchanged, so stored events keep the version they were
 * written at. An upcast event keeps its stored hash, which covers the
 * stored data, not the upcast one: verify hash chains on `stored`.
 */
export class UpcastingEventStore implements EventStore {
  constructor(
    /** The store underneath, returning events as stored. */
    readonly stored: EventStore,
    private readonly registry: UpcasterRegistry,
  ) {}

  appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    return this.stored.appendToStream(streamName, events, options);
  }

  async readStream(
    streamName: string,
    options?: ReadStreamOptions,
  ): Promise<RecordedEvent[]> {
    const events = await this.stored.readStream(streamName, options);
    return events.map((e) => this.registry.upcast(e));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    const events = await this.stored.readAll(options);
    return events.map((e) => this.registry.upcast(e));
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    // An upcaster that throws fails the handler: the subscription stops
    // at that event (or page) and reports it, as a projection failure
    // would.
    const upcast = (event: RecordedEvent) => this.registry.upcast(event);
    const { onEvent, onEvents } = options;
    if (onEvents) {
      return this.stored.subscribeToAll({
        ...options,
        onEvents: (events) => onEvents(events.map(upcast)),
      });
    }
    return this.stored.subscribeToAll({
      ...options,
      onEvent: (event) => onEvent(upcast(event)),
    });
  }

  close(): Promise<void> {
    return this.stored.close();
  }
}

export function withUpcasting(
  store: EventStore,
  registry: UpcasterRegistry,
): UpcastingEventStore {
  return new UpcastingEventStore(store, registry);
}
