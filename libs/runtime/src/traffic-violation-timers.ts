import {
  evolveTrafficViolation,
  initialTrafficViolationState,
  nextViolationStep,
  TRAFFIC_VIOLATION_PROCESS_ID,
  type TrafficViolationEvent,
  type TrafficViolationState,
} from '@opsdesk/domain';
import type { CommandEnvelope } from '@opsdesk/messaging';
import { deterministicUuid } from '@opsdesk/platform';
import { OwedTimers, type OwedTimersDeps } from './owed-timers';

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

export type TrafficViolationTimersDeps = OwedTimersDeps;

/**
 * The violation days (OwedTimers): after each event of a case, one timer
 * for the case's next day-counted step (SMS days 1–2, day 3, day 8, day
 * 12, the deduction day).
 *
 * TODO(#10): move these onto the #6 timer engine (policy-driven delayed
 * jobs with a periodic reconciler) once it can drive steps that move a
 * case, not only record warnings and breaches; until then lost timers
 * come back only when this follower starts, with the next event of their
 * case, or through the `run-due-steps` endpoint. Its reconcile reads the
 * whole log of the process; like the #6 reconciler, a time index would
 * read less.
 */
export class TrafficViolationTimers extends OwedTimers<
  TrafficViolationState,
  TrafficViolationEvent
> {
  constructor(deps: TrafficViolationTimersDeps) {
    super(deps, {
      name: 'traffic-violation-timers',
      processId: TRAFFIC_VIOLATION_PROCESS_ID,
      initialState: initialTrafficViolationState,
      evolve: evolveTrafficViolation,
      owed: (ticketId, state, correlationId) => {
        const next = nextViolationStep(state);
        if (!next) return null;
        return {
          jobId: violationTimerJobId(ticketId, next.step),
          command: violationTimerCommand(
            ticketId,
            next.step,
            next.dueAt,
            correlationId,
          ),
          dueAt: next.dueAt,
        };
      },
    });
  }
}
