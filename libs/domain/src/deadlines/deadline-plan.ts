import {
  deadlineInstants,
  levelsOf,
  type DeadlineInstant,
} from './deadline-instants';
import type {
  DeadlinePolicyDraft,
  DeadlineTerms,
} from './deadline-policy.types';
import { stepDeadlineFor } from './policy-versions';
import type { StepOccurrence } from './step-occurrences';
import type { WorkingCalendar } from './working-calendar.port';

/** What one step occurrence is owed under one policy. */
export interface DeadlinePlan {
  terms: DeadlineTerms;
  /** Warnings first, then the breach; each with its instant. */
  levels: DeadlineInstant[];
  deadlineAt: string;
}

/** The plan of a step under a policy, or undefined when it has no deadline. */
export function planStep(
  policy: DeadlinePolicyDraft,
  processId: string,
  occurrence: StepOccurrence,
  calendar: WorkingCalendar,
): DeadlinePlan | undefined {
  const deadline = stepDeadlineFor(
    policy,
    processId,
    occurrence.step,
    occurrence.priority,
  );
  if (!deadline) return undefined;
  const schedule = deadlineInstants(deadline, occurrence.startedAt, calendar);
  return {
    terms: deadline.terms,
    levels: levelsOf(schedule),
    deadlineAt: schedule.breach.at,
  };
}

/**
 * Whether a level falls due while the step is still open: before the
 * event that ended it, or by `until` for a step still open then.
 */
export function dueWhileOpen(
  level: DeadlineInstant,
  occurrence: StepOccurrence,
  until: string,
): boolean {
  const due = Date.parse(level.at);
  if (due > Date.parse(until)) return false;
  return (
    occurrence.endedAt === undefined || due < Date.parse(occurrence.endedAt)
  );
}
