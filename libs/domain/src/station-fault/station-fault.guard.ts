import {
  InvalidCommandDataError,
  NotAssigneeError,
  RoleNotPermittedError,
  TicketAlreadyExistsError,
  TicketNotFoundError,
  TicketNotInStateError,
  type DecisionContext,
  type RoleId,
} from '../shared';
import { isStationFaultCommandType } from './station-fault.command-types';
import type { StationFaultCommand } from './station-fault.commands';
import type {
  StationFaultConfig,
  StationFaultState,
} from './station-fault.state';
import type { StationFaultStatus } from './station-fault.states';
import {
  stationFaultRulesFor,
  type StationFaultTransition,
} from './station-fault.transitions';

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * Everything about a command except its data: does the ticket exist, may
 * the role issue it, is the ticket in a state that allows it, and is the
 * actor the assignee. Returns the rule the command runs under.
 */
export function authoriseStationFaultCommand(
  command: StationFaultCommand,
  state: StationFaultState,
  context: DecisionContext,
  config: StationFaultConfig,
): StationFaultTransition {
  const { type, ticketId } = command;
  if (!isStationFaultCommandType(type)) {
    throw new InvalidCommandDataError(String(type), [
      { field: 'type', message: 'is not a station-fault command' },
    ]);
  }

  // 1. The ticket exists exactly when it is past NEW.
  if (type === 'ReportStationFault') {
    if (state.status !== 'NEW') throw new TicketAlreadyExistsError(ticketId);
  } else if (state.status === 'NEW') {
    throw new TicketNotFoundError(ticketId);
  }

  // 2. The role may issue this command somewhere in the process. Under a
  // configuration that has no use for a command nobody may issue it,
  // which is reported as an empty `allowed` list.
  const role: RoleId = context.actor.role;
  const rules = stationFaultRulesFor(type, config);
  const roles = unique(rules.flatMap((rule) => rule.roles));
  if (!roles.includes(role)) {
    throw new RoleNotPermittedError(type, role, roles);
  }

  // 3. The ticket is in a state where the command is allowed.
  const inState = rules.filter((rule) => rule.from === state.status);
  if (inState.length === 0) {
    const expected: StationFaultStatus[] = rules.map((rule) => rule.from);
    throw new TicketNotInStateError(
      ticketId,
      state.status,
      unique(expected),
      type,
    );
  }

  // 4. In this state it is this role's move (NotifyCustomerService is
  // issued by a different role in each state).
  const rule = inState.find((candidate) => candidate.roles.includes(role));
  if (!rule) {
    const allowed = unique(inState.flatMap((candidate) => candidate.roles));
    throw new RoleNotPermittedError(type, role, allowed);
  }

  // 5. A person acts only on a ticket assigned to them. Automatic work
  // done under the role is exempt: it acts on behalf of the assignee.
  if (rule.assignee && context.actor.kind !== 'automatic') {
    const assigneeId = state[rule.assignee] ?? null;
    if (context.actor.id !== assigneeId) {
      throw new NotAssigneeError(ticketId, context.actor.id, assigneeId, type);
    }
  }

  return rule;
}
