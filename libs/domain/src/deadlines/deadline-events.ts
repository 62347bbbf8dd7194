import type { DomainCommand, DomainEvent } from '../shared';
import type { DeadlineLevel } from './deadline-instants';
import type {
  BreachAction,
  DeadlineTerms,
  PolicyRef,
  Priority,
} from './deadline-policy.types';

/** What a timer knew when it fired: the step, its terms and its instants. */
export interface DeadlineFacts {
  /** The step (a status) the timer belongs to. */
  step: string;
  /** Revision of the event that began the step: one occurrence of it. */
  startRevision: number;
  stepStartedAt: string;
  level: DeadlineLevel;
  /** When this level was due. */
  dueAt: string;
  /** When the step is in breach. */
  deadlineAt: string;
  clock: DeadlineTerms['clock'];
  policy: PolicyRef;
  /** The ticket's priority when the step began, which chose the terms. */
  priority: Priority;
}

export interface DeadlineBreachFacts extends DeadlineFacts {
  actions: readonly BreachAction[];
  /** Set when the breach made the ticket more urgent. */
  priorityRaisedTo?: Priority;
}

/** An early warning: the step is still open and its deadline is near. */
export type DeadlineWarned<P extends string> = DomainEvent<
  `${P}.deadline-warned`,
  DeadlineFacts
>;

/** The step is still open at its deadline. */
export type DeadlineBreached<P extends string> = DomainEvent<
  `${P}.deadline-breached`,
  DeadlineBreachFacts
>;

/**
 * Issued by the timer when it fires (actor: `system`). It records a fact
 * about the step and moves nothing: custody and status stay as they are.
 */
export type RecordDeadline = DomainCommand<
  'RecordDeadline',
  DeadlineFacts & { actions?: readonly BreachAction[] }
>;
