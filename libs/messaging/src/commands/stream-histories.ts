import type { EventStore, RecordedEvent } from '@opsdesk/event-store';

interface Held {
  events: readonly RecordedEvent[];
  /**
   * A revision this process appended and has not seen in the log yet:
   * until the history reaches it, it is known to be behind.
   */
  behindUntil: number;
}

/** Keeps the held histories current from the log, while it is open. */
export interface LogFeed {
  /** Events of the log, in its order, as a follower read them. */
  offer(events: readonly RecordedEvent[]): void;
  close(): void;
}

/**
 * Streams recently read or seen in the log. `read` asks the store for the
 * events after those already held, so what it returns is as current as a
 * full read (stored events never change) without a ticket's history being
 * sent and parsed again on every command.
 *
 * While a log follower of this process feeds it (`openFeed`), `guess`
 * offers the held history without asking the store at all. It may be a
 * moment behind the log: a decision made on it is appended with the
 * revision it saw, so a stale guess costs a conflict and a read, and the
 * executor reads before it takes a refusal made on a guess as final.
 */
export class StreamHistories {
  private readonly histories = new Map<string, Held>();
  private openFeeds = 0;

  constructor(
    private readonly store: Pick<EventStore, 'readStream'>,
    private readonly capacity = 5000,
  ) {}

  /** The whole stream, in revision order. */
  async read(streamName: string): Promise<readonly RecordedEvent[]> {
    const known = this.histories.get(streamName)?.events ?? [];
    const newer = await this.store.readStream(
      streamName,
      known.length > 0 ? { fromRevision: known.length } : {},
    );
    const read = newer.length > 0 ? [...known, ...newer] : known;
    // The feed may have gone further while the store answered.
    const held = this.histories.get(streamName);
    const history =
      held && held.events.length > read.length ? held.events : read;
    this.remember(streamName, {
      events: history,
      behindUntil: held?.behindUntil ?? -1,
    });
    return history;
  }

  /**
   * The held history while a log feed keeps it current and nothing says
   * it is behind; undefined when the store must be asked.
   */
  guess(streamName: string): readonly RecordedEvent[] | undefined {
    if (this.openFeeds === 0) return undefined;
    const held = this.histories.get(streamName);
    if (!held || held.events.length - 1 < held.behindUntil) return undefined;
    return held.events;
  }

  /** This process has just appended the stream up to `lastRevision`. */
  appended(streamName: string, lastRevision: number): void {
    const held = this.histories.get(streamName);
    if (held) held.behindUntil = Math.max(held.behindUntil, lastRevision);
  }

  /**
   * Lets a follower of the whole log of the processes keep the held
   * histories current. Guesses are offered only while a feed is open: a
   * follower that stops (a lost lease, a shutdown) stops feeding.
   */
  openFeed(): LogFeed {
    // What was read while nothing fed it may have missed events the
    // follower will not offer again (it resumes from its checkpoint, a
    // former lease holder's perhaps): a new feed starts from nothing.
    if (this.openFeeds === 0) this.histories.clear();
    this.openFeeds++;
    let open = true;
    return {
      offer: (events) => {
        if (open) for (const event of events) this.follow(event);
      },
      close: () => {
        if (!open) return;
        open = false;
        this.openFeeds--;
      },
    };
  }

  private follow(event: RecordedEvent): void {
    const stream = event.streamName;
    const held = this.histories.get(stream);
    if (!held) {
      // A stream is held whole or not at all.
      if (event.revision === 0) {
        this.remember(stream, { events: [event], behindUntil: -1 });
      }
      return;
    }
    const next = held.events.length;
    if (event.revision < next) return;
    if (event.revision > next) {
      // Events between were not offered: the next read fills the gap.
      held.behindUntil = Math.max(held.behindUntil, event.revision);
      return;
    }
    this.remember(stream, {
      events: [...held.events, event],
      behindUntil: held.behindUntil,
    });
  }

  private remember(streamName: string, held: Held): void {
    this.histories.delete(streamName);
    if (held.events.length === 0) return;
    this.histories.set(streamName, held);
    if (this.histories.size > this.capacity) {
      const oldest = this.histories.keys().next().value;
      if (oldest !== undefined) this.histories.delete(oldest);
    }
  }
}
