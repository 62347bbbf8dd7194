import {
  InvalidCommandDataError,
  permissionOf,
  RoleNotPermittedError,
  TicketAlreadyExistsError,
  TicketNotFoundError,
  TicketNotInStateError,
} from './domain-errors';
import type { DecisionContext } from './process-definition';
import type { RoleId } from './roles';
import { actorSees } from './visibility';

/** One way a command can end: the events it appends and where they lead. */
export interface TableOutcome<
  E extends string = string,
  S extends string = string,
> {
  readonly events: readonly E[];
  readonly to: S;
}

/**
 * A command allowed in one state, who may issue it there, and the event
 * sequences it may append. The decider, the permission layer and the
 * audit tool (`PROCESS_TRANSITIONS`) all read one such table per process.
 */
export interface TableRule<
  C extends string = string,
  E extends string = string,
  S extends string = string,
> {
  readonly command: C;
  readonly from: S;
  readonly roles: readonly RoleId[];
  readonly outcomes: readonly TableOutcome<E, S>[];
}

/** The state every table-driven process folds: a status and an owner. */
export interface TableState<S extends string = string> {
  status: S;
  /** The subsidiary (子公司) that owns the ticket; absent: headquarters. */
  subsidiaryId?: string;
}

/** The state a ticket is in before its first event. */
export const NEW_STATUS = 'NEW';

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The rules of `command`, in table order. */
export function rulesOf<C extends string, E extends string, S extends string>(
  table: readonly TableRule<C, E, S>[],
  command: string,
): TableRule<C, E, S>[] {
  return table.filter((rule) => rule.command === command);
}

/**
 * Everything about a command except its data, in a fixed order: is it a
 * command of the process, does the ticket exist (for this actor's
 * subsidiary: another subsidiary's ticket is not found, so ids leak
 * nothing), may the role issue it at all, is the ticket in a state that
 * allows it, and is it this role's move there. Returns the rule.
 */
export function authoriseByTable<
  C extends string,
  E extends string,
  S extends string,
>(
  processId: string,
  table: readonly TableRule<C, E, S>[],
  command: { type: string; ticketId: string },
  state: TableState<S>,
  context: DecisionContext,
): TableRule<C, E, S> {
  const { type, ticketId } = command;
  const rules = rulesOf(table, type);
  if (rules.length === 0) {
    throw new InvalidCommandDataError(String(type), [
      { field: 'type', message: `is not a ${processId} command` },
    ]);
  }

  // 1. Existence: a command that only opens tickets needs a new one; any
  // other needs one that exists and that the actor may see.
  const opens = rules.some((rule) => rule.from === NEW_STATUS);
  const onlyOpens = rules.every((rule) => rule.from === NEW_STATUS);
  if (state.status === NEW_STATUS) {
    if (!opens) throw new TicketNotFoundError(ticketId);
  } else if (!actorSees(context.actor, state.subsidiaryId)) {
    throw new TicketNotFoundError(ticketId);
  } else if (onlyOpens) {
    throw new TicketAlreadyExistsError(ticketId);
  }

  // 2. The role may issue this command somewhere in the process.
  const role = context.actor.role;
  const permission = permissionOf(processId, type);
  const roles = unique(rules.flatMap((rule) => rule.roles));
  if (!roles.includes(role)) {
    throw new RoleNotPermittedError(type, role, roles, permission);
  }

  // 3. The ticket is in a state where the command is allowed.
  const inState = rules.filter((rule) => rule.from === state.status);
  if (inState.length === 0) {
    throw new TicketNotInStateError(
      ticketId,
      state.status,
      unique(rules.map((rule) => rule.from)),
      type,
    );
  }

  // 4. In this state it is this role's move.
  const rule = inState.find((candidate) => candidate.roles.includes(role));
  if (!rule) {
    const allowed = unique(inState.flatMap((candidate) => candidate.roles));
    throw new RoleNotPermittedError(type, role, allowed, permission);
  }
  return rule;
}

/**
 * The event types that may come next in a stream whose fold is in
 * `status`. A command may append several events of which only the last
 * moves the status; pass the type of the last event read as `previous`
 * so the one after it is expected.
 */
export function nextEventTypesByTable<E extends string, S extends string>(
  table: readonly TableRule<string, E, S>[],
  status: S,
  previous?: E,
): E[] {
  const outcomes = table
    .filter((rule) => rule.from === status)
    .flatMap((rule) => rule.outcomes);
  if (previous !== undefined) {
    const followers = outcomes.flatMap(({ events }) => {
      const at = events.indexOf(previous);
      return at >= 0 && at < events.length - 1 ? [events[at + 1]] : [];
    });
    if (followers.length > 0) return unique(followers);
  }
  return unique(outcomes.map(({ events }) => events[0]));
}

/** The commands a role may issue in a state. */
export function allowedCommandsByTable<C extends string, S extends string>(
  table: readonly TableRule<C, string, S>[],
  status: S,
  role: RoleId,
): C[] {
  return unique(
    table
      .filter((rule) => rule.from === status && rule.roles.includes(role))
      .map((rule) => rule.command),
  );
}

/**
 * The same rule in several states, each leading back to itself: a record
 * that changes nobody's move (an agent's note, a second push).
 */
export function sameInEach<
  C extends string,
  E extends string,
  S extends string,
>(
  command: C,
  states: readonly S[],
  roles: readonly RoleId[],
  events: readonly E[],
): TableRule<C, E, S>[] {
  return states.map((from) => ({
    command,
    from,
    roles,
    outcomes: [{ events, to: from }],
  }));
}
