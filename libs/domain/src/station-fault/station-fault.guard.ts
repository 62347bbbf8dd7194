import {
  actorSees,
  InvalidCommandDataError,
  isRecord,
  NotAssigneeError,
  RoleNotPermittedError,
  StationNotFoundError,
  TicketAlreadyExistsError,
  TicketNotFoundError,
  TicketNotInStateError,
  type Actor,
  type DecisionContext,
  type RoleId,
} from '../shared';
import { isStationFaultCommandType } from './station-fault.command-types';
import type { StationFaultCommand } from './station-fault.commands';
import type {
  StationFaultConfig,
  StationFaultState,
} from './station-fault.state';
import { stationFaultPermission } from './station-fault.permissions';
import type { StationFaultStatus } from './station-fault.states';
import {
  stationFaultRulesFor,
  type StationFaultTransition,
} from './station-fault.transitions';

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * Everything about a command except its data: does the ticket exist (for
 * this actor's subsidiary), may the role issue it, is the ticket in a
 * state that allows it, and is the actor the assignee or the role's lead.
 * Returns the rule the command runs under. HTTP requests and jobs placed
 * on a queue by any other means all pass through here.
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

  const actor = context.actor;
  const permission = stationFaultPermission(type);

  // 1. The ticket exists exactly when it is past NEW, and only for the
  // subsidiary that owns it: another subsidiary's ticket is not found,
  // so that ids leak nothing.
  if (type === 'ReportStationFault') {
    checkStationVisible(command.payload, actor);
    if (state.status !== 'NEW') throw new TicketAlreadyExistsError(ticketId);
  } else if (
    state.status === 'NEW' ||
    !actorSees(actor, state.station?.subsidiaryId)
  ) {
    throw new TicketNotFoundError(ticketId);
  }

  // 2. The role may issue this command somewhere in the process. Under a
  // configuration that has no use for a command nobody may issue it,
  // which is reported as an empty `allowed` list.
  const role: RoleId = actor.role;
  const rules = stationFaultRulesFor(type, config);
  const roles = unique(rules.flatMap((rule) => rule.roles));
  if (!roles.includes(role)) {
    throw new RoleNotPermittedError(type, role, roles, permission);
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
    throw new RoleNotPermittedError(type, role, allowed, permission);
  }

  // 5. A person acts only on a step assigned to them (or to the team or
  // supplier they work for), unless they lead the role. Automatic work
  // done under the role is exempt: it acts on behalf of the assignee. A
  // supplier is a firm outside the operator: its lead leads that firm's
  // engineers and reaches no other firm's ticket.
  const isSupplier = role === 'charging-pile-supplier';
  const leadReaches = actor.lead === true && !isSupplier;
  if (rule.assignee && actor.kind !== 'automatic' && !leadReaches) {
    const assigneeId = state[rule.assignee] ?? null;
    if (!isAssignee(actor, assigneeId, isSupplier)) {
      throw new NotAssigneeError(
        ticketId,
        actor.id,
        assigneeId,
        type,
        permission,
      );
    }
  }

  return rule;
}

/**
 * The assignee is a person (by id) or the team they work for (by org);
 * a supplier is always a firm, so only the firm a person works for
 * counts, never a person id that happens to spell a firm's.
 */
function isAssignee(
  actor: Actor,
  assigneeId: string | null,
  firmOnly: boolean,
): boolean {
  if (assigneeId === null) return false;
  return actor.org === assigneeId || (!firmOnly && actor.id === assigneeId);
}

/** An intake names a station of the actor's own subsidiary. */
function checkStationVisible(payload: unknown, actor: Actor): void {
  const station = isRecord(payload) ? payload.station : undefined;
  if (!isRecord(station)) return; // the data checks report it
  const subsidiaryId =
    typeof station.subsidiaryId === 'string' ? station.subsidiaryId : undefined;
  if (!actorSees(actor, subsidiaryId)) {
    throw new StationNotFoundError(String(station.id));
  }
}
