import type { DomainEvent } from '@opsdesk/domain';
import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import {
  LogFollower,
  type CheckpointStore,
  type CommandEnvelope,
  type RoleQueueSet,
} from '@opsdesk/messaging';
import type { Clock, Fence, Logger } from '@opsdesk/platform';

export interface OwedTimersDeps {
  store: EventStore;
  checkpoints: CheckpointStore;
  queues: RoleQueueSet;
  clock: Clock;
  logger: Logger;
}

/** The one timer a ticket is owed in its state: a command, when due. */
export interface OwedTimer {
  /** The same for the same timer however often it is set. */
  jobId: string;
  command: CommandEnvelope;
  dueAt: string;
}

/** What a process gives to have its timers set from its log. */
export interface OwedTimersOf<S, E extends DomainEvent> {
  /** The follower's name, also its checkpoint's key. */
  name: string;
  processId: string;
  initialState: S;
  evolve(state: S, event: E): S;
  owed(ticketId: string, state: S, correlationId: string): OwedTimer | null;
  /** Run after each event, before its ticket's timer is set. */
  afterEvent?(event: RecordedEvent, history: RecordedEvent[]): Promise<unknown>;
}

/**
 * A process's timers on BullMQ delayed jobs, set from its log: after each
 * event of a ticket, the one timer the ticket's state is owed goes on the
 * `system` queue, delayed until due by the injected clock. The job is the
 * timer's command itself; the decider refuses it before its instant (or
 * once the state has moved on), so an early, late or repeated job
 * changes nothing it should not.
 *
 * At start, `reconcile` sets the timer of every ticket the log holds
 * again (the same job ids, so a timer Redis still holds stays as it is),
 * which brings back the timers a Redis restart lost.
 */
export class OwedTimers<S, E extends DomainEvent> {
  private readonly follower: LogFollower;
  private readonly prefix: string;

  constructor(
    private readonly deps: OwedTimersDeps,
    private readonly process: OwedTimersOf<S, E>,
  ) {
    this.prefix = `${process.processId}-`;
    this.follower = new LogFollower({
      name: process.name,
      store: deps.store,
      checkpoints: deps.checkpoints,
      streamPrefixes: [this.prefix],
      logger: deps.logger,
      handle: (event) => this.handle(event),
    });
  }

  async start(fence?: Fence): Promise<void> {
    await this.reconcile();
    await this.follower.start(fence);
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  /** Sets the timer every ticket in the log is owed; returns how many. */
  async reconcile(pageSize = 1000): Promise<number> {
    const tickets = new Map<string, { state: S; correlationId: string }>();
    let after: string | undefined;
    for (;;) {
      const page = await this.deps.store.readAll({
        after,
        maxCount: pageSize,
        filter: { streamPrefixes: [this.prefix] },
      });
      for (const event of page) {
        const ticketId = event.streamName.slice(this.prefix.length);
        const folded =
          tickets.get(ticketId)?.state ?? this.process.initialState;
        tickets.set(ticketId, {
          state: this.fold(folded, event),
          correlationId: event.metadata.correlationId,
        });
      }
      if (page.length < pageSize) break;
      after = page[page.length - 1].position;
    }
    let set = 0;
    for (const [ticketId, { state, correlationId }] of tickets) {
      if (await this.setTimer(ticketId, state, correlationId)) set++;
    }
    return set;
  }

  private async handle(event: RecordedEvent): Promise<void> {
    const ticketId = event.streamName.slice(this.prefix.length);
    const history = await this.deps.store.readStream(event.streamName, {
      maxCount: event.revision + 1,
    });
    await this.process.afterEvent?.(event, history);
    const state = history.reduce(
      (folded, e) => this.fold(folded, e),
      this.process.initialState,
    );
    await this.setTimer(ticketId, state, event.metadata.correlationId);
  }

  /** One delayed job for the timer the ticket is owed; false when none. */
  private async setTimer(
    ticketId: string,
    state: S,
    correlationId: string,
  ): Promise<boolean> {
    const timer = this.process.owed(ticketId, state, correlationId);
    if (!timer) return false;
    const delay = Math.max(
      0,
      Date.parse(timer.dueAt) - this.deps.clock.now().getTime(),
    );
    // The same job id for a replayed event: BullMQ keeps one job.
    await this.deps.queues.queue('system').add(
      timer.command.type,
      { kind: 'command', command: timer.command },
      {
        jobId: timer.jobId,
        delay,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 24 * 3600, count: 20000 },
        removeOnFail: false,
      },
    );
    return true;
  }

  private fold(state: S, event: RecordedEvent): S {
    return this.process.evolve(state, {
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
    } as unknown as E);
  }
}
