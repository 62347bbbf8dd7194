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
import { deterministicUuid, type Clock, type Logger } from '@opsdesk/platform';

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
 * TODO(#10): move these onto the #6 timer engine (policy-driven delayed
 * jobs with a reconciler) once it can drive steps that move a case, not
 * only record warnings and breaches; until then a timer lost with Redis
 * is recreated by the next event of its case, or by the
 * `run-due-steps` endpoint.
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

  start(): Promise<void> {
    return this.follower.start();
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  private async handle(event: RecordedEvent): Promise<void> {
    const ticketId = event.streamName.slice(PREFIX.length);
    const history = await this.deps.store.readStream(event.streamName, {
      maxCount: event.revision + 1,
    });
    const state = history.reduce<TrafficViolationState>(
      (folded, e) =>
        evolveTrafficViolation(folded, {
          type: e.type,
          schemaVersion: e.schemaVersion,
          data: e.data,
        } as unknown as TrafficViolationEvent),
      initialTrafficViolationState,
    );
    const next = nextViolationStep(state);
    if (!next) return;
    const delay = Math.max(
      0,
      Date.parse(next.dueAt) - this.deps.clock.now().getTime(),
    );
    const command = violationTimerCommand(
      ticketId,
      next.step,
      next.dueAt,
      event.metadata.correlationId,
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
  }
}
