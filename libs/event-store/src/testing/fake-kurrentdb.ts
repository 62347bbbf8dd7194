import {
  ANY,
  BACKWARDS,
  END,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendResult,
  type AppendToStreamOptions,
  type EventData,
  type Filter,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import { PassThrough } from 'node:stream';
import type { KurrentDbConnection } from '../kurrentdb/kurrentdb-connection';

interface StoredRecord {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  created: Date;
  data: string;
  metadata: string;
  position: Position;
}

/** How the next append fails: before it is written, or after. */
export type AppendFault = 'lost-request' | 'lost-answer';

export interface AppendCall {
  streamName: string;
  streamState: AppendToStreamOptions['streamState'];
  /** The batch as JSON, to compare resends byte for byte. */
  batch: string;
}

type FakeSubscription = PassThrough & {
  unsubscribe(): Promise<void>;
  matches(record: StoredRecord): boolean;
  after: Position | undefined;
};

/**
 * A stand-in for KurrentDB behind the client's interface, for unit tests
 * of the adapter: one log with commit/prepare positions (a batch shares
 * its commit position), streams with 0-based revisions, expected-revision
 * checks with the server's idempotency rule (the same ids after the same
 * expected revision are a success that writes nothing), inclusive read
 * positions and exclusive subscription positions, system events between
 * appends, and the client's error classes. It models what the adapter
 * relies on, not the server: the real contract run needs KURRENTDB_URL.
 */
export class FakeKurrentDb implements KurrentDbConnection {
  readonly appendCalls: AppendCall[] = [];
  private readonly log: StoredRecord[] = [];
  private readonly streams = new Map<string, StoredRecord[]>();
  private readonly subscriptions = new Set<FakeSubscription>();
  private readonly faults: AppendFault[] = [];
  private nextPosition = 1000n;

  constructor() {
    this.writeSystemEvent('$settings', '$settings');
  }

  /** The next appends fail in these ways, one each, in order. */
  failAppends(...faults: AppendFault[]): void {
    this.faults.push(...faults);
  }

  /** Every open subscription fails as on a lost connection. */
  dropSubscriptions(): void {
    for (const subscription of [...this.subscriptions]) {
      this.subscriptions.delete(subscription);
      subscription.destroy(new UnavailableError(undefined, 'connection lost'));
    }
  }

  get openSubscriptions(): number {
    return this.subscriptions.size;
  }

  async appendToStream(
    streamName: string,
    events: EventData[],
    options: AppendToStreamOptions = {},
  ): Promise<AppendResult> {
    const streamState = options.streamState ?? ANY;
    this.appendCalls.push({
      streamName,
      streamState,
      batch: JSON.stringify(events),
    });
    const fault = this.faults.shift();
    if (fault === 'lost-request') {
      throw new UnavailableError(undefined, 'request lost');
    }
    const result = this.append(streamName, events, streamState);
    if (fault === 'lost-answer') {
      throw new UnavailableError(undefined, 'answer lost');
    }
    return result;
  }

  readStream(
    streamName: string,
    options: ReadStreamOptions = {},
  ): AsyncIterableIterator<ResolvedEvent> {
    const fake = this;
    return (async function* () {
      const stream = fake.streams.get(streamName);
      if (!stream) throw new StreamNotFoundError(undefined, streamName);
      const { fromRevision = START, direction, maxCount } = options;
      const backwards = direction === BACKWARDS;
      const ordered = backwards ? [...stream].reverse() : stream;
      const from =
        fromRevision === START || fromRevision === END
          ? undefined
          : fromRevision;
      let count = 0;
      for (const record of ordered) {
        if (maxCount !== undefined && count >= Number(maxCount)) return;
        if (from !== undefined) {
          if (backwards ? record.revision > from : record.revision < from) {
            continue;
          }
        }
        count += 1;
        yield fake.resolved(record);
      }
    })();
  }

  readAll(
    options: ReadAllOptions = {},
  ): AsyncIterableIterator<AllStreamResolvedEvent> {
    const fake = this;
    return (async function* () {
      const { fromPosition = START, direction, maxCount, filter } = options;
      const backwards = direction === BACKWARDS;
      const ordered = backwards ? [...fake.log].reverse() : fake.log;
      let count = 0;
      for (const record of ordered) {
        if (maxCount !== undefined && count >= Number(maxCount)) return;
        if (fromPosition !== START && fromPosition !== END) {
          const order = compare(record.position, fromPosition);
          if (backwards ? order > 0 : order < 0) continue;
        }
        if (fromPosition === END && !backwards) return;
        if (filter && !matchesFilter(filter, record)) continue;
        count += 1;
        yield fake.resolved(record);
      }
    })();
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllStreamSubscription {
    const { fromPosition = START, filter } = options;
    const subscription = new PassThrough({
      objectMode: true,
    }) as unknown as FakeSubscription;
    const after =
      fromPosition === START
        ? undefined
        : fromPosition === END
          ? this.log[this.log.length - 1]?.position
          : fromPosition;
    subscription.after = after;
    subscription.matches = (record) =>
      (after === undefined || compare(record.position, after) > 0) &&
      (!filter || matchesFilter(filter, record));
    subscription.unsubscribe = async () => {
      this.subscriptions.delete(subscription);
      subscription.end();
    };
    // As over the network: the history arrives after the call returns.
    setImmediate(() => {
      if (subscription.destroyed) return;
      for (const record of this.log) {
        if (subscription.matches(record)) {
          subscription.write(this.resolved(record));
        }
      }
      this.subscriptions.add(subscription);
    });
    return subscription as unknown as AllStreamSubscription;
  }

  async dispose(): Promise<void> {
    for (const subscription of [...this.subscriptions]) {
      await subscription.unsubscribe();
    }
  }

  private append(
    streamName: string,
    events: EventData[],
    streamState: NonNullable<AppendToStreamOptions['streamState']>,
  ): AppendResult {
    const stream = this.streams.get(streamName) ?? [];
    const current = BigInt(stream.length - 1);
    const conflict = () =>
      new WrongExpectedVersionError(undefined, {
        streamName,
        expected: streamState,
        current: current < 0n ? NO_STREAM : current,
      });
    if (streamState === NO_STREAM || typeof streamState === 'bigint') {
      const expected = streamState === NO_STREAM ? -1n : streamState;
      if (expected !== current) {
        const first = Number(expected) + 1;
        const found = stream.slice(first, first + events.length);
        const same =
          found.length === events.length &&
          found.every((record, i) => record.id === events[i].id);
        if (same && found.length > 0) return resultOf(found);
        throw conflict();
      }
    } else if (streamState === STREAM_EXISTS && current < 0n) {
      throw conflict();
    }
    if (events.length === 0) {
      return { success: true, nextExpectedRevision: current };
    }

    const commit = this.nextPosition;
    const records = events.map((event, i): StoredRecord => {
      const json = event.contentType === 'application/json';
      return {
        streamId: streamName,
        id: event.id,
        type: event.type,
        revision: current + 1n + BigInt(i),
        created: new Date(),
        data: json ? JSON.stringify(event.data) : '',
        metadata: JSON.stringify(event.metadata ?? {}),
        position: { commit, prepare: commit + BigInt(i) * 64n },
      };
    });
    this.nextPosition = commit + BigInt(events.length) * 64n + 128n;
    stream.push(...records);
    this.streams.set(streamName, stream);
    for (const record of records) this.record(record);
    // A system event between appends, which readers must leave out.
    this.writeSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');
    return resultOf(records);
  }

  private writeSystemEvent(streamId: string, type: string): void {
    const position = { commit: this.nextPosition, prepare: this.nextPosition };
    this.nextPosition += 128n;
    this.record({
      streamId,
      id: '00000000-0000-4000-8000-000000000000',
      type,
      revision: 0n,
      created: new Date(),
      data: '{}',
      metadata: '{}',
      position,
    });
  }

  private record(record: StoredRecord): void {
    this.log.push(record);
    for (const subscription of this.subscriptions) {
      if (subscription.matches(record)) {
        subscription.write(this.resolved(record));
      }
    }
  }

  private resolved(record: StoredRecord): AllStreamResolvedEvent {
    return {
      event: {
        streamId: record.streamId,
        id: record.id,
        revision: record.revision,
        type: record.type,
        created: record.created,
        isJson: true,
        data: JSON.parse(record.data) as Record<string, unknown>,
        metadata: JSON.parse(record.metadata) as Record<string, unknown>,
        position: { ...record.position },
      },
      commitPosition: record.position.commit,
    };
  }
}

function resultOf(records: readonly StoredRecord[]): AppendResult {
  const last = records[records.length - 1];
  return {
    success: true,
    nextExpectedRevision: last.revision,
    position: { ...last.position },
  };
}

function compare(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

function matchesFilter(filter: Filter, record: StoredRecord): boolean {
  const subject =
    filter.filterOn === 'streamName' ? record.streamId : record.type;
  if ('prefixes' in filter) {
    return filter.prefixes.some((prefix) => subject.startsWith(prefix));
  }
  return new RegExp(filter.regex).test(subject);
}
