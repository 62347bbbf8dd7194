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
} from '@opsdesk/event-store';
import {
  sealFields,
  withoutFields,
  type DataKeyVault,
} from '@opsdesk/platform';
import type { ProcessCatalog } from '../commands/process-catalog';

/**
 * The event store as the command path writes to it: the personal data a
 * process declares (`personalData`) is sealed with the stream's key
 * before the append, so the log and its hashes only ever hold ciphertext.
 * Reads pass through unchanged; projections open what they are allowed to.
 */
export class SealingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly processes: ProcessCatalog,
    private readonly vault: DataKeyVault,
  ) {}

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const fields = this.processes.ofStream(streamName)?.definition
      .personalData as Record<string, readonly string[]> | undefined;
    if (!fields || !events.some((event) => fields[event.type])) {
      return this.inner.appendToStream(streamName, events, options);
    }
    const key = await this.vault.keyFor(streamName);
    const sealed = events.map((event) => {
      const paths = fields[event.type];
      if (!paths) return event;
      // An erased subject's personal data is not written at all.
      const data = key
        ? sealFields(event.data, paths, key, streamName)
        : withoutFields(event.data, paths);
      return { ...event, data };
    });
    return this.inner.appendToStream(streamName, sealed, options);
  }

  readStream(
    streamName: string,
    options?: ReadStreamOptions,
  ): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamName, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
