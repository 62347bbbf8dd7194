import { AssertionError } from 'node:assert/strict';
import type { DomainCommand, DomainEvent } from '../domain-event';
import type { DecisionContext, ProcessDefinition } from '../process-definition';
import type { TableRule } from '../transition-table';

// node:assert, as in given-when-then.ts: this file is built with the
// library, where jest's globals are not declared.

type Walkable<
  S extends { status: string },
  C extends DomainCommand,
  E extends DomainEvent,
  Cfg,
> = Pick<ProcessDefinition<S, C, E, Cfg>, 'initialState' | 'evolve' | 'decide'>;

export interface Walk<S, E> {
  state: S;
  events: E[];
  /** The statuses after each step, in order. */
  statuses: string[];
}

/**
 * Runs commands one after another through the decider and checks each
 * against the transition table: a rule for the command in the state it
 * was decided in, with an outcome of exactly the appended event types
 * leading to the status the fold reached. A decider that appends what the
 * table does not list fails here, before the audit tool finds it in a log.
 */
export function walkThroughTable<
  S extends { status: string },
  C extends DomainCommand,
  E extends DomainEvent,
  Cfg,
>(
  process: Walkable<S, C, E, Cfg>,
  table: readonly TableRule[],
  config: Cfg,
  steps: readonly (readonly [C, DecisionContext])[],
  given: readonly E[] = [],
): Walk<S, E> {
  let state = given.reduce(
    (folded, event) => process.evolve(folded, event),
    process.initialState,
  );
  const events: E[] = [];
  const statuses: string[] = [];
  for (const [command, context] of steps) {
    const from = state.status;
    const decided = process.decide(command, state, context, config);
    const next = decided.reduce(
      (folded, event) => process.evolve(folded, event),
      state,
    );
    const types = decided.map((event) => event.type);
    const listed = table.some(
      (rule) =>
        rule.command === command.type &&
        rule.from === from &&
        rule.outcomes.some(
          (outcome) =>
            outcome.to === next.status &&
            outcome.events.length === types.length &&
            outcome.events.every((type, i) => type === types[i]),
        ),
    );
    if (!listed) {
      throw new AssertionError({
        message: `${command.type} from ${from} appended [${types.join(', ')}] reaching ${next.status}, which the transition table does not list`,
        actual: { from, types, to: next.status },
        expected: table.filter((rule) => rule.command === command.type),
      });
    }
    events.push(...decided);
    statuses.push(next.status);
    state = next;
  }
  return { state, events, statuses };
}

/**
 * Every rule of the table, as `command@from→to`, for a test that checks a
 * set of walks took each one at least once.
 */
export function tableEdges(table: readonly TableRule[]): string[] {
  return table.flatMap((rule) =>
    rule.outcomes.map((o) => `${rule.command}@${rule.from}→${o.to}`),
  );
}

/** The edges a walk took, in the same notation as `tableEdges`. */
export function walkedEdges(
  commands: readonly string[],
  initial: string,
  statuses: readonly string[],
): string[] {
  return commands.map((command, i) => {
    const from = i === 0 ? initial : statuses[i - 1];
    return `${command}@${from}→${statuses[i]}`;
  });
}
