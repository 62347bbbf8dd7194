import type { Actor } from './actor';
import type { DomainCommand, DomainEvent } from './domain-event';
import type { RoleId } from './roles';

/** What the decider may know besides the command and the state. */
export interface DecisionContext {
  /** The instant the command is decided, ISO-8601 UTC. */
  now: string;
  actor: Actor;
}

/** Who holds a ticket in a state: the role whose move it is, if any. */
export interface Custody {
  role: RoleId | null;
  assigneeId?: string;
}

export interface Label {
  zh: string;
  en: string;
}

/**
 * One process of the manual as pure functions. The engine (load, decide,
 * append, hand on) is written once against this shape, so a new process
 * is a new definition beside the others, not new plumbing.
 */
export interface ProcessDefinition<
  TState extends { status: string },
  TCommand extends DomainCommand,
  TEvent extends DomainEvent,
  TConfig = unknown,
> {
  /** Process id and stream prefix, e.g. `station-fault`. */
  readonly processId: string;
  readonly title: Label;
  readonly initialState: TState;
  readonly commandTypes: readonly TCommand['type'][];
  readonly eventTypes: readonly TEvent['type'][];
  readonly stateLabels: Readonly<Record<TState['status'], Label>>;
  readonly eventLabels: Readonly<Record<TEvent['type'], Label>>;
  evolve(state: TState, event: TEvent): TState;
  decide(
    command: TCommand,
    state: TState,
    context: DecisionContext,
    config: TConfig,
  ): TEvent[];
  custody(state: TState): Custody;
  isTerminal(state: TState): boolean;
  /**
   * Personal data in event data, as dotted paths per event type (e.g.
   * `reporter.phone`). It is stored encrypted with a key per ticket, so
   * erasing the key erases the data without touching the hashed log.
   */
  readonly personalData?: Readonly<
    Partial<Record<TEvent['type'], readonly string[]>>
  >;
  /**
   * Where the fold keeps a copy of that personal data (dotted paths into
   * the state): what an erasure scrubs from a stored fold. A process
   * without it has no erasure of its read models yet (TODO(#11)).
   */
  readonly personalState?: readonly string[];
}

export function streamNameOf(processId: string, ticketId: string): string {
  return `${processId}-${ticketId}`;
}
