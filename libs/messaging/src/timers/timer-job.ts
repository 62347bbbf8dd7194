import {
  planStep,
  versionInForce,
  type BreachAction,
  type DeadlineLevel,
  type DeadlinePolicyVersion,
  type DeadlineTerms,
  type PolicyRef,
  type Priority,
  type StepOccurrence,
  type WorkingCalendar,
} from '@opsdesk/domain';
import { deterministicUuid } from '@opsdesk/platform';

/** One level (a warning or the breach) of one step occurrence of a ticket. */
export interface TimerJob {
  kind: 'timer';
  processId: string;
  ticketId: string;
  step: string;
  startRevision: number;
  stepStartedAt: string;
  level: DeadlineLevel;
  dueAt: string;
  deadlineAt: string;
  clock: DeadlineTerms['clock'];
  policy: PolicyRef;
  priority: Priority;
  /** What the breach does; absent for a warning. */
  actions?: readonly BreachAction[];
  correlationId: string;
}

/**
 * `timer.<ticket>.<step>-<startRevision>.<level>`: deterministic from the
 * step's starting event, so scheduling it twice (a replay, the
 * reconciler) leaves one job, and a later stay in the same step (another
 * starting revision) is a different job. BullMQ forbids ':' in ids.
 */
export function timerJobId(
  job: Pick<TimerJob, 'ticketId' | 'step' | 'startRevision' | 'level'>,
): string {
  return `timer.${job.ticketId}.${job.step}-${job.startRevision}.${job.level}`;
}

/** The command id of a timer's firing: a second firing appends nothing. */
export function timerCommandId(jobId: string): string {
  return deterministicUuid(`opsdesk-timer:${jobId}`);
}

/**
 * The timer jobs a step occurrence is owed under the version in force
 * when it began, minus the levels already recorded. Empty when no
 * version was in force or the version gives the step no deadline.
 */
export function timerJobsFor(input: {
  processId: string;
  ticketId: string;
  occurrence: StepOccurrence;
  versions: readonly DeadlinePolicyVersion[];
  calendar: WorkingCalendar;
  recordedLevels?: ReadonlySet<string>;
  correlationId: string;
}): TimerJob[] {
  const { occurrence } = input;
  const version = versionInForce(input.versions, occurrence.startedAt);
  if (!version) return [];
  const plan = planStep(version, input.processId, occurrence, input.calendar);
  if (!plan) return [];
  return plan.levels
    .filter((level) => !input.recordedLevels?.has(level.level))
    .map((level) => ({
      kind: 'timer' as const,
      processId: input.processId,
      ticketId: input.ticketId,
      step: occurrence.step,
      startRevision: occurrence.startRevision,
      stepStartedAt: occurrence.startedAt,
      level: level.level,
      dueAt: level.at,
      deadlineAt: plan.deadlineAt,
      clock: plan.terms.clock,
      policy: { policy: version.policy, version: version.version },
      priority: occurrence.priority,
      ...(level.level === 'breach' ? { actions: plan.terms.onBreach } : {}),
      correlationId: input.correlationId,
    }));
}
