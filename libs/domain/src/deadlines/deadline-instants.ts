import type { DeadlineTerms, WorkingPeriod } from './deadline-policy.types';
import type { WorkingCalendar } from './working-calendar.port';
import { MINUTE_MS } from './shanghai-time';
import { addWorkingMinutes, endOfWorkingDay } from './working-time';

/** `warn-1`, `warn-2`, … in order of their instants, then `breach`. */
export type DeadlineLevel = `warn-${number}` | 'breach';

export interface DeadlineInstant {
  level: DeadlineLevel;
  /** ISO-8601 UTC. */
  at: string;
}

/** The terms one step runs under, with the working hours they count in. */
export interface StepDeadline {
  terms: DeadlineTerms;
  workingHours: readonly WorkingPeriod[];
}

export interface DeadlineSchedule {
  warnings: DeadlineInstant[];
  breach: DeadlineInstant;
}

function after(
  startMs: number,
  minutes: number,
  policy: StepDeadline,
  calendar: WorkingCalendar,
): number {
  return policy.terms.clock === 'working'
    ? addWorkingMinutes(startMs, minutes, policy.workingHours, calendar)
    : startMs + minutes * MINUTE_MS;
}

/**
 * When a step that began at `stepStartedAt` is warned and when it is in
 * breach, under one step's terms. Working time counts only inside the
 * Shanghai working hours of working days (holidays skipped, make-up
 * working days counted). A warning that would fall before the step began
 * (a step begun late in the day, end-of-working-day terms) is due at once.
 */
export function deadlineInstants(
  policy: StepDeadline,
  stepStartedAt: string,
  calendar: WorkingCalendar,
): DeadlineSchedule {
  const startMs = Date.parse(stepStartedAt);
  const { terms } = policy;
  let breachMs: number;
  let warningMs: number[];
  if (terms.clock === 'end-of-working-day') {
    breachMs = endOfWorkingDay(startMs, policy.workingHours, calendar);
    warningMs = terms.warnBeforeMinutes.map((minutes) =>
      Math.max(startMs, breachMs - minutes * MINUTE_MS),
    );
  } else {
    breachMs = after(startMs, terms.deadlineMinutes, policy, calendar);
    warningMs = terms.warnAfterMinutes.map((minutes) =>
      after(startMs, minutes, policy, calendar),
    );
  }
  const warnings = [...warningMs]
    .sort((a, b) => a - b)
    .map((ms, i) => ({
      level: `warn-${i + 1}` as DeadlineLevel,
      at: new Date(ms).toISOString(),
    }));
  return {
    warnings,
    breach: { level: 'breach', at: new Date(breachMs).toISOString() },
  };
}

/** Every level of a schedule, earliest first. */
export function levelsOf(schedule: DeadlineSchedule): DeadlineInstant[] {
  return [...schedule.warnings, schedule.breach];
}
