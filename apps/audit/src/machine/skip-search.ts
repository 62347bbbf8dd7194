import type { StateMachineRule } from '@opsdesk/domain';

export type Outcome = StateMachineRule['outcomes'][number];

/** Where an out-of-turn event fits, and what was skipped to get there. */
export interface SkipTarget {
  /** The state whose command the event belongs to. */
  from: string;
  /** That command's outcomes with the event at `index`. */
  outcomes: Outcome[];
  index: number;
  /** The events the machine wanted first, in order. */
  skipped: string[];
}

export function outcomesFrom(
  rules: readonly StateMachineRule[],
  status: string,
): Outcome[] {
  return rules
    .filter((rule) => rule.from === status)
    .flatMap((rule) => rule.outcomes);
}

/**
 * The nearest place ahead of `status` where `type` is allowed, by a
 * breadth-first walk over the outcomes, or undefined when the event
 * belongs to no state reachable from here (it is out of order).
 */
export function findSkipTarget(
  rules: readonly StateMachineRule[],
  status: string,
  type: string,
): SkipTarget | undefined {
  const seen = new Set<string>([status]);
  let frontier: { state: string; path: string[] }[] = [
    { state: status, path: [] },
  ];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { state, path } of frontier) {
      const outcomes = outcomesFrom(rules, state);
      const target = fitIn(outcomes, state, path, type, state === status);
      if (target) return target;
      for (const outcome of outcomes) {
        if (seen.has(outcome.to)) continue;
        seen.add(outcome.to);
        next.push({ state: outcome.to, path: [...path, ...outcome.events] });
      }
    }
    frontier = next;
  }
  return undefined;
}

function fitIn(
  outcomes: readonly Outcome[],
  state: string,
  path: readonly string[],
  type: string,
  isStart: boolean,
): SkipTarget | undefined {
  for (const outcome of outcomes) {
    const index = outcome.events.indexOf(type);
    // At the start, index 0 would have been allowed, not skipped to.
    if (index < 0 || (isStart && index === 0)) continue;
    const prefix = outcome.events.slice(0, index);
    return {
      from: state,
      outcomes: outcomes.filter(
        (o) =>
          o.events[index] === type &&
          prefix.every((event, i) => o.events[i] === event),
      ),
      index,
      skipped: [...path, ...prefix],
    };
  }
  return undefined;
}
