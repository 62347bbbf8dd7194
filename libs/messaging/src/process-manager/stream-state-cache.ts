import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import { fold } from '../commands/command-executor';
import type { RegisteredProcess } from '../commands/process-catalog';

type State = { status: string };

/**
 * The folded state of recently seen streams, so following the log costs
 * one evolve per event. A miss (a restart, an evicted stream) reads the
 * stream again; correctness never depends on the cache.
 */
export class StreamStateCache {
  private readonly entries = new Map<
    string,
    { revision: number; state: State }
  >();

  constructor(
    private readonly store: EventStore,
    private readonly capacity = 10_000,
  ) {}

  /** The state just before `event` and just after it. */
  async around(
    process: RegisteredProcess,
    event: RecordedEvent,
  ): Promise<{ before: State; after: State }> {
    const before = await this.stateBefore(process, event);
    const after = process.definition.evolve(before, {
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
    }) as State;
    this.remember(event.streamName, event.revision, after);
    return { before, after };
  }

  private async stateBefore(
    process: RegisteredProcess,
    event: RecordedEvent,
  ): Promise<State> {
    const cached = this.entries.get(event.streamName);
    if (cached && cached.revision === event.revision - 1) return cached.state;
    if (event.revision === 0) return process.definition.initialState as State;
    const history = await this.store.readStream(event.streamName, {
      maxCount: event.revision,
    });
    return fold(process, history);
  }

  private remember(stream: string, revision: number, state: State) {
    this.entries.delete(stream);
    this.entries.set(stream, { revision, state });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
