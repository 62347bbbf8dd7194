import {
  evolveTrafficViolation,
  initialTrafficViolationState,
  nextViolationStep,
  TRAFFIC_VIOLATION_PROCESS_ID,
  type TrafficViolationEvent,
  type TrafficViolationState,
} from '@opsdesk/domain';
import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import {
  LogFollower,
  type CheckpointStore,
  type CommandEnvelope,
  type RoleQueueSet,
} from '@opsdesk/messaging';
import {
  deterministicUuid,
  type Clock,
  type Fence,
  type Logger,
} from '@opsdesk/platform';

const PREFIX = `${TRAFFIC_VIOLATION_PROCESS_ID}-`;

/** `timer.<ticket>.<step>`: one job per step of a case (BullMQ forbids ':'). */
export function violationTimerJobId(ticketId: string, step: string): string {
  return ['timer', ticketId, step].join('.');
}

/** The timer's command: the same id for a step however often it is set. */
export function violationTimerCommand(
  ticketId: string,
  step: string,
  dueAt: string,
  correlationId: string,
): CommandEnvelope {
  return {
    commandId: deterministicUuid(`violation-timer:${ticketId}:${step}`),
    processId: TRAFFIC_VIOLATION_PROCESS_ID,
    ticketId,
    type: 'RunDueViolationStep',
    payload: { step },
    actor: { id: 'system:violation-timer', role: 'system', kind: 'automatic' },
    correlationId,
    causationId: `timer:${ticketId}:${step}`,
    issuedAt: dueAt,
  };
}

export interface TrafficViolationTimersDeps {
  store: EventStore;
  checkpoints: CheckpointStore;
  queues: RoleQueueSet;
  clock: Clock;
  logger: Logger;
}

/**
 * The violation days on BullMQ delayed jobs: follows the log and, after
 * each event of a case, sets one timer for the case's next day-counted
 * step (SMS days 1–2, day 3, day 8, day 12, the deduction day) on the
 * `system` queue, delayed until it is due by the injected clock. The job
 * is the timer's command itself; the decider refuses it before its
 * instant, so an early or repeated job changes nothing.
 *
 * At start, `reconcile` sets the timer of every open case again from the
 * log (the same job ids, so a timer Redis still holds is left as it is),
 * which brings back the timers a Redis restart lost.
 *
 * TODO(#10): move these onto the #6 timer engine (policy-driven delayed
 * jobs with a periodic reconciler) once it can drive steps that move a
 * case, not only record warnings and breaches; until then lost timers
 * come back only when this follower starts, with the next event of their
 * case, or through the `run-due-steps` endpoint.
 */
export class TrafficViolationTimers {
  private readonly follower: LogFollower;

  constructor(private readonly deps: TrafficViolationTimersDeps) {
    this.follower = new LogFollower({
      name: 'traffic-violation-timers',
      store: deps.store,
      checkpoints: deps.checkpoints,
      streamPrefixes: [PREFIX],
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

  /**
   * Sets the next timer of every case the log holds; returns how many
   * cases have one. Reads the whole log of the process.
   * TODO(#10): like the #6 reconciler, a time index would read less.
   */
  async reconcile(pageSize = 1000): Promise<number> {
    const cases = new Map<string, { state: State; correlationId: string }>();
    let after: string | undefined;
    for (;;) {
      const page = await this.deps.store.readAll({
        after,
        maxCount: pageSize,
        filter: { streamPrefixes: [PREFIX] },
      });
      for (const event of page) {
        const ticketId = event.streamName.slice(PREFIX.length);
        const folded = cases.get(ticketId)?.state ?? initialState;
        cases.set(ticketId, {
          state: fold(folded, event),
          correlationId: event.metadata.correlationId,
        });
      }
      if (page.length < pageSize) break;
      after = page[page.length - 1].position;
    }
    let set = 0;
    for (const [ticketId, { state, correlationId }] of cases) {
      if (await this.setNextTimer(ticketId, state, correlationId)) set++;
    }
    return set;
  }

  private async handle(event: RecordedEvent): Promise<void> {
    const ticketId = event.streamName.slice(PREFIX.length);
    const history = await this.deps.store.readStream(event.streamName, {
      maxCount: event.revision + 1,
    });
    const state = history.reduce(fold, initialState);
    await this.setNextTimer(ticketId, state, event.metadata.correlationId);
  }

  /** One delayed job for the case's next step; false when none is due. */
  private async setNextTimer(
    ticketId: string,
    state: State,
    correlationId: string,
  ): Promise<boolean> {
    const next = nextViolationStep(state);
    if (!next) return false;
    const delay = Math.max(
      0,
      Date.parse(next.dueAt) - this.deps.clock.now().getTime(),
    );
    const command = violationTimerCommand(
      ticketId,
      next.step,
      next.dueAt,
      correlationId,
    );
    // The same job id for a replayed event: BullMQ keeps one job.
    await this.deps.queues.queue('system').add(
      command.type,
      { kind: 'command', command },
      {
        jobId: violationTimerJobId(ticketId, next.step),
        delay,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 24 * 3600, count: 20000 },
        removeOnFail: false,
      },
    );
    return true;
  }
}

type State = TrafficViolationState;
const initialState: State = initialTrafficViolationState;

function fold(state: State, event: RecordedEvent): State {
  return evolveTrafficViolation(state, {
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
  } as unknown as TrafficViolationEvent);
}
