import type { Actor } from '@opsdesk/domain';

/**
 * Expected revision of a stream before an append: a number is the exact
 * revision of its last event (0-based), the strings are the usual forms.
 */
export type ExpectedRevision = 'no-stream' | 'stream-exists' | 'any' | number;

/**
 * A position in the global log. Opaque outside the adapter that made it:
 * store it, pass it back, never parse or compare it yourself.
 */
export type GlobalPosition = string;

export interface EventMetadata {
  /** The idempotency key of the command that produced the event. */
  commandId: string;
  causationId: string;
  correlationId: string;
  actor: Actor;
  /** Inputs of an automatic decision, so replay reproduces it. */
  decisionInputs?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface NewEvent {
  /** Deterministic: derived from the command id and the batch index. */
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface RecordedEvent extends NewEvent {
  streamName: string;
  /** 0-based, gap-free within the stream. */
  revision: number;
  position: GlobalPosition;
  /** When the store accepted it, ISO-8601 UTC. */
  recordedAt: string;
  /** sha-256 over content, metadata and `previousHash`. */
  hash: string;
  previousHash: string;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  nextExpectedRevision: number;
  position: GlobalPosition;
  /** True when every event id was already stored: nothing was written. */
  alreadyAppended: boolean;
}

export interface ReadStreamOptions {
  fromRevision?: number;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
  /** Only events recorded at or before this instant (ISO-8601). */
  untilRecordedAt?: string;
}

export interface AllFilter {
  /** Stream-name prefixes, e.g. `station-fault-`; any match passes. */
  streamPrefixes?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. */
  after?: GlobalPosition;
  maxCount?: number;
  filter?: AllFilter;
}

interface SubscribeCommon {
  after?: GlobalPosition;
  filter?: AllFilter;
  /**
   * Called when the handler throws or the subscription cannot go on.
   * The subscription has stopped; resume from your own checkpoint.
   */
  onError?(error: unknown): void;
}

/** A subscription takes its events one at a time or a page at a time. */
export type SubscribeOptions = SubscribeCommon &
  (
    | {
        /** Awaited one event at a time, in global order. */
        onEvent(event: RecordedEvent): Promise<void>;
        onEvents?: undefined;
      }
    | {
        /**
         * Awaited one page at a time (the events one read returned, in
         * global order, never empty), so a consumer can commit a page in
         * one transaction. The position moves past a page only once its
         * handler has resolved; a handler that throws leaves it before.
         */
        onEvents(events: readonly RecordedEvent[]): Promise<void>;
        onEvent?: undefined;
      }
  );

export interface Subscription {
  /** The position of the last event the handler finished. */
  readonly lastPosition: GlobalPosition | undefined;
  stop(): Promise<void>;
}

/** The event store every app uses; adapters must pass the contract suite. */
export interface EventStore {
  appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;
  readStream(
    streamName: string,
    options?: ReadStreamOptions,
  ): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}
