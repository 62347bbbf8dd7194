import type { RoleId } from '../shared';
import type { StationFaultCommandType } from './station-fault.commands';
import type { StationFaultConfig } from './station-fault.state';
import {
  STATION_FAULT_STATES,
  type StationFaultStatus,
} from './station-fault.states';
import {
  STATION_FAULT_TRANSITIONS,
  stationFaultRuleApplies,
  type StationFaultTransition,
} from './station-fault.transitions';

/** A command allowed in a state, as a permission layer needs it. */
export type AllowedStationFaultCommand = Pick<
  StationFaultTransition,
  'command' | 'roles' | 'resultNotifier' | 'assignee'
>;

function byState(): Record<StationFaultStatus, AllowedStationFaultCommand[]> {
  const table = Object.fromEntries(
    Object.keys(STATION_FAULT_STATES).map((status) => [status, []]),
  ) as unknown as Record<StationFaultStatus, AllowedStationFaultCommand[]>;
  for (const rule of STATION_FAULT_TRANSITIONS) {
    const { command, from, roles, resultNotifier, assignee } = rule;
    table[from].push({
      command,
      roles,
      ...(resultNotifier && { resultNotifier }),
      ...(assignee && { assignee }),
    });
  }
  return table;
}

/**
 * Per state, the commands allowed and the roles that may issue them,
 * under any configuration (see `resultNotifier` on an entry).
 */
export const allowedTransitions: Readonly<
  Record<StationFaultStatus, readonly AllowedStationFaultCommand[]>
> = byState();

/** The commands a role may issue in a state under a configuration. */
export function allowedStationFaultCommands(
  status: StationFaultStatus,
  role: RoleId,
  config: StationFaultConfig,
): StationFaultCommandType[] {
  return STATION_FAULT_TRANSITIONS.filter(
    (rule) =>
      rule.from === status &&
      rule.roles.includes(role) &&
      stationFaultRuleApplies(rule, config),
  ).map((rule) => rule.command);
}
