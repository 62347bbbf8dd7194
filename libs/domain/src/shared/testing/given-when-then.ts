import { AssertionError, deepStrictEqual } from 'node:assert/strict';
import type { DomainCommand, DomainEvent } from '../domain-event';
import type { DecisionContext, ProcessDefinition } from '../process-definition';

// node:assert rather than jest's expect: this file is built with the
// library, where jest's globals are not declared. Jest prints the diff of
// an AssertionError all the same.

type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

type Decider<
  S extends { status: string },
  C extends DomainCommand,
  E extends DomainEvent,
  Cfg,
> = Pick<ProcessDefinition<S, C, E, Cfg>, 'initialState' | 'evolve' | 'decide'>;

export interface Outcome<S, E extends DomainEvent> {
  /**
   * The command appends exactly these events. Returns the state they lead
   * to, so a test can check where the ticket went.
   */
  then(expected: readonly E[]): S;
  /**
   * The command is refused with this error class, and each given property
   * of the error equals the given value. Returns the error for further
   * checks.
   */
  thenThrows<X extends Error>(
    errorClass: ErrorClass<X>,
    fields?: { [K in keyof X]?: unknown },
  ): X;
}

export interface Given<S, C, E extends DomainEvent> {
  /** The state folded from the given events. */
  readonly state: S;
  /**
   * Decides the command. Do not `await` or return the result from a
   * test: it has a `then` method, so it looks like a promise.
   */
  when(command: C, context: DecisionContext): Outcome<S, E>;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return code === undefined
    ? `${error.constructor.name}: ${error.message}`
    : `${error.constructor.name} (${String(code)})`;
}

/** Folds events from the initial state. */
export function foldEvents<S extends { status: string }, E extends DomainEvent>(
  process: Pick<
    ProcessDefinition<S, DomainCommand, E>,
    'initialState' | 'evolve'
  >,
  events: readonly E[],
): S {
  return events.reduce(
    (state, event) => process.evolve(state, event),
    process.initialState,
  );
}

/**
 * Given events, when a command, then events or an error: one decider
 * under one configuration.
 */
export function deciderSpec<
  S extends { status: string },
  C extends DomainCommand,
  E extends DomainEvent,
  Cfg,
>(process: Decider<S, C, E, Cfg>, config: Cfg) {
  return {
    given(events: readonly E[]): Given<S, C, E> {
      const state = foldEvents(process, events);
      return {
        state,
        when(command, context) {
          const decide = () => process.decide(command, state, context, config);
          return {
            then(expected) {
              const decided = decide();
              deepStrictEqual(decided, expected);
              return decided.reduce(
                (next, event) => process.evolve(next, event),
                state,
              );
            },
            thenThrows(errorClass, fields = {}) {
              let decided: E[];
              try {
                decided = decide();
              } catch (error) {
                if (!(error instanceof errorClass)) {
                  throw new AssertionError({
                    message: `Expected ${errorClass.name}, got ${describeError(error)}`,
                    actual: error,
                    expected: errorClass,
                  });
                }
                const actual = error as unknown as Record<string, unknown>;
                for (const [key, value] of Object.entries(fields)) {
                  // Wrapped in the key so that a failure's diff names it.
                  deepStrictEqual({ [key]: actual[key] }, { [key]: value });
                }
                return error;
              }
              throw new AssertionError({
                message: `Expected ${errorClass.name}, but the command was decided`,
                actual: decided,
                expected: errorClass,
              });
            },
          };
        },
      };
    },
  };
}
