import type { RoleId } from '../shared';

/** How urgent a ticket is; a breach may raise it, never lower it. */
export type Priority = 'normal' | 'high' | 'urgent';

export const PRIORITIES: readonly Priority[] = ['normal', 'high', 'urgent'];

/** What a breach does besides being recorded. */
export type BreachAction =
  /** Tell the role that holds the ticket. */
  | { type: 'notify' }
  /** Tell a named role above it (a lead, the process owner). */
  | { type: 'escalate'; role: RoleId }
  /** Make the ticket more urgent from its next step on. */
  | { type: 'raise-priority'; to: Priority };

/** A deadline counted in minutes after the step began. */
export interface CountedTerms {
  /** `elapsed`: wall-clock minutes; `working`: minutes of working hours. */
  clock: 'elapsed' | 'working';
  deadlineMinutes: number;
  /** Early warnings, in minutes after the step began on the same clock. */
  warnAfterMinutes: readonly number[];
  onBreach: readonly BreachAction[];
}

/** A deadline at the close of the working day the step began on. */
export interface EndOfWorkingDayTerms {
  clock: 'end-of-working-day';
  /** Early warnings, in wall-clock minutes before the deadline. */
  warnBeforeMinutes: readonly number[];
  onBreach: readonly BreachAction[];
}

export type DeadlineTerms = CountedTerms | EndOfWorkingDayTerms;

/** Which step of which process, at which priority, a rule is for. */
export interface DeadlineRuleKey {
  processId: string;
  /** A step is a state in which a role must act. */
  step: string;
  /** Absent means `normal`; the `normal` rule serves a priority without one. */
  priority?: Priority;
}

/**
 * The deadline of one step of one process at one priority. Flat (one
 * rule per step and priority, the terms beside the key), so that a whole
 * policy stays within the API's bounds on nesting.
 */
export type DeadlineRule = DeadlineRuleKey & DeadlineTerms;

/** `09:00` to `18:00`, Shanghai wall-clock time. */
export interface WorkingPeriod {
  from: string;
  to: string;
}

/** A policy as proposed: what a publication or a what-if run is given. */
export interface DeadlinePolicyDraft {
  /** Working hours on every working day, in order, not overlapping. */
  workingHours: readonly WorkingPeriod[];
  rules: readonly DeadlineRule[];
  note?: string;
}

/** A published version; it governs steps that begin from `effectiveFrom`. */
export interface DeadlinePolicyVersion extends DeadlinePolicyDraft {
  policy: string;
  version: number;
  effectiveFrom: string;
  publishedAt: string;
}

/** Which version of which policy decided a deadline. */
export interface PolicyRef {
  policy: string;
  version: number;
}
