import { randomBytes } from 'node:crypto';
import { eventIdFor, uuidv7 } from '@opsdesk/platform';
import { EventStoreUnavailableError } from '../event-store.errors';
import type {
  AllFilter,
  EventMetadata,
  EventStore,
  GlobalPosition,
  NewEvent,
  RecordedEvent,
  Subscription,
} from '../event-store.port';

/** What a contract run needs from an adapter's test file. */
export interface ContractHarness {
  store: EventStore;
  cleanup(): Promise<void>;
  /** Cuts the adapter's connections, as a network failure or restart would. */
  dropConnections?(): Promise<void>;
}

export type ContractFactory = () => Promise<ContractHarness>;

/** A behaviour of the contract that some store cannot offer. */
export type ContractFeature = 'event-ids-unique-across-streams';

export interface ContractOptions {
  /**
   * Features the adapter does not have, each with the reason. Their tests
   * are reported as skipped, with the reason in the name and the output.
   */
  unsupported?: Partial<Record<ContractFeature, string>>;
}

/** Long enough for a loaded shared server; a pass is usually far quicker. */
export const PATIENCE_MS = 20_000;

/** A name no other test uses, so tests can share one store. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export function metadataFor(commandId: string): EventMetadata {
  return {
    commandId,
    causationId: commandId,
    correlationId: commandId,
    actor: { id: 'agent-7', role: 'cs-phone-agent', kind: 'person' },
  };
}

/** A batch as one command would produce it: ids derived from its id. */
export function commandBatch(
  count: number,
  data: (index: number) => Record<string, unknown> = (i) => ({ n: i }),
  commandId: string = uuidv7(),
): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    eventId: eventIdFor(commandId, index),
    type: 'contract.happened',
    schemaVersion: 1,
    data: data(index),
    metadata: metadataFor(commandId),
  }));
}

/**
 * Reads until `done` holds or patience runs out, and returns the last
 * read either way, so the assertion after it shows what was there.
 * Global reads need this: an unrelated transaction still open on the
 * server holds back what readers may see.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number = PATIENCE_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Appends, retrying while the store is unavailable (same batch, same revision). */
export async function appendRetrying(
  store: EventStore,
  stream: string,
  events: readonly NewEvent[],
  expectedRevision: Parameters<
    EventStore['appendToStream']
  >[2]['expectedRevision'],
) {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    try {
      return await store.appendToStream(stream, events, { expectedRevision });
    } catch (error) {
      if (!(error instanceof EventStoreUnavailableError)) throw error;
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A subscription that records what it is given. */
export interface Recorder {
  events: RecordedEvent[];
  /** With `pages`, the pages as the handler was given them. */
  pages: RecordedEvent[][];
  errors: unknown[];
  subscription: Subscription;
  /** Waits until at least `count` events came (or patience ran out). */
  waitFor(count: number): Promise<RecordedEvent[]>;
}

export interface RecordOptions {
  after?: GlobalPosition;
  filter?: AllFilter;
  /** Awaited for each event before it is recorded; may throw. */
  onEvent?(event: RecordedEvent): Promise<void>;
  onError?(error: unknown): void;
  /** Subscribe with `onEvents`, a page at a time. */
  pages?: boolean;
}

export function record(
  store: EventStore,
  options: RecordOptions = {},
): Recorder {
  const events: RecordedEvent[] = [];
  const pages: RecordedEvent[][] = [];
  const errors: unknown[] = [];
  const common = {
    after: options.after,
    filter: options.filter,
    onError(error: unknown) {
      errors.push(error);
      options.onError?.(error);
    },
  };
  const subscription = options.pages
    ? store.subscribeToAll({
        ...common,
        async onEvents(page) {
          for (const event of page) await options.onEvent?.(event);
          pages.push([...page]);
          events.push(...page);
        },
      })
    : store.subscribeToAll({
        ...common,
        async onEvent(event) {
          await options.onEvent?.(event);
          events.push(event);
        },
      });
  return {
    events,
    pages,
    errors,
    subscription,
    waitFor: (count) =>
      eventually(
        async () => events,
        (seen) => seen.length >= count || errors.length > 0,
      ),
  };
}

export function idsOf(events: readonly { eventId: string }[]): string[] {
  return events.map((e) => e.eventId);
}

/** A promise with its resolver, for holding a handler mid-event. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
