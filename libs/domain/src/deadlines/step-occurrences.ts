import type { DomainEvent } from '../shared';
import type { DeadlineLevel } from './deadline-instants';
import type { PolicyRef, Priority } from './deadline-policy.types';

/** A stored event as deadlines see it: its revision and its instant. */
export interface StepEvent extends DomainEvent {
  revision: number;
  /** When it was decided (ISO-8601): a step begins and ends at this. */
  at: string;
}

/** A process whose steps carry deadlines, as the timers fold it. */
export interface DeadlineProcess {
  processId: string;
  initialState: { status: string };
  evolve(state: never, event: never): { status: string };
  /** The statuses that are steps: someone must act while the ticket is in one. */
  steps: readonly string[];
}

/** One stay of a ticket in one step, from the event that began it. */
export interface StepOccurrence {
  step: string;
  startRevision: number;
  startedAt: string;
  /** The ticket's priority when the step began: it chooses the terms. */
  priority: Priority;
  /** Absent while the step is open. */
  endRevision?: number;
  endedAt?: string;
}

type Folded = { status: string; priority?: Priority };

/** Every step a stream has been in, in order; the last may be open. */
export function stepOccurrences(
  process: DeadlineProcess,
  events: readonly StepEvent[],
): StepOccurrence[] {
  const evolve = process.evolve as (s: Folded, e: DomainEvent) => Folded;
  const found: StepOccurrence[] = [];
  let state = process.initialState as Folded;
  let open: StepOccurrence | undefined;
  for (const event of events) {
    const next = evolve(state, event);
    if (next.status !== state.status) {
      if (open) {
        found.push({ ...open, endRevision: event.revision, endedAt: event.at });
        open = undefined;
      }
      if (process.steps.includes(next.status)) {
        open = {
          step: next.status,
          startRevision: event.revision,
          startedAt: event.at,
          priority: next.priority ?? 'normal',
        };
      }
    }
    state = next;
  }
  if (open) found.push(open);
  return found;
}

/** The step the stream is in now, if it is in one. */
export function openStep(
  process: DeadlineProcess,
  events: readonly StepEvent[],
): StepOccurrence | undefined {
  const all = stepOccurrences(process, events);
  const last = all[all.length - 1];
  return last && last.endRevision === undefined ? last : undefined;
}

/** A warning or breach the stream records. */
export interface RecordedDeadline {
  step: string;
  startRevision: number;
  level: DeadlineLevel;
  dueAt: string;
  policy: PolicyRef;
  /** Revision of the deadline event itself. */
  revision: number;
}

/** The deadline events of a stream, in order. */
export function recordedDeadlines(
  processId: string,
  events: readonly StepEvent[],
): RecordedDeadline[] {
  const types = [
    `${processId}.deadline-warned`,
    `${processId}.deadline-breached`,
  ];
  return events
    .filter((event) => types.includes(event.type))
    .map((event) => {
      const data = event.data as RecordedDeadline;
      return {
        step: data.step,
        startRevision: data.startRevision,
        level: data.level,
        dueAt: data.dueAt,
        policy: data.policy,
        revision: event.revision,
      };
    });
}

/** `AWAITING_DISPATCH-3`: one occurrence of a step, for ids and keys. */
export function occurrenceKey(step: string, startRevision: number): string {
  return `${step}-${startRevision}`;
}
