import type { DecisionContext } from '../shared';
import type { RunDueViolationStep } from './traffic-violation.commands';
import { nextViolationStep } from './traffic-violation.due-steps';
import {
  ViolationStepNotDueError,
  ViolationTimerStaleError,
} from './traffic-violation.errors';
import type { TrafficViolationEvent } from './traffic-violation.events';
import {
  payloadChecks,
  violationEvent as event,
} from './traffic-violation.event-factory';
import { caseDay } from './traffic-violation.schedule';
import type { TrafficViolationState } from './traffic-violation.state';

/** The timer: the one step due now, or a refusal naming when it is due. */
export function decideDueStep(
  command: RunDueViolationStep,
  state: TrafficViolationState,
  context: DecisionContext,
): TrafficViolationEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.optionalNonBlank('payload.step', p.step);
  checks.throwIfAny(command.type);

  const due = nextViolationStep(state);
  const schedule = state.schedule;
  if (!due || !schedule) {
    // The table allows the timer only where a step waits for a day.
    throw new ViolationTimerStaleError(
      command.ticketId,
      command.payload.step ?? '(any)',
      null,
    );
  }
  if (command.payload.step !== undefined && command.payload.step !== due.step) {
    throw new ViolationTimerStaleError(
      command.ticketId,
      command.payload.step,
      due.step,
    );
  }
  if (Date.parse(context.now) < Date.parse(due.dueAt)) {
    throw new ViolationStepNotDueError(
      command.ticketId,
      due.step,
      due.dueAt,
      context.now,
    );
  }
  const day = caseDay(schedule, context.now);
  switch (due.step) {
    case 'sms-0':
    case 'sms-1':
    case 'sms-2':
      return [
        event('traffic-violation.sms-sent', {
          day: Number(due.step.slice(4)) as 0 | 1 | 2,
        }),
      ];
    case 'first-days-end':
      return [
        event('traffic-violation.first-days-ended', {
          materialsPushed: state.materialsPushed,
        }),
      ];
    case 'warning-call':
      return [event('traffic-violation.warning-call-due', { day })];
    case 'risk-call':
      return [event('traffic-violation.risk-call-due', { day })];
    case 'deduction':
      return [event('traffic-violation.deduction-due', { day })];
    default: {
      const unknown: never = due.step;
      throw new Error(`Unknown violation step: ${String(unknown)}`);
    }
  }
}
