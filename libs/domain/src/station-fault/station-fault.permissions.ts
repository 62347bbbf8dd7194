import { permissionOf, type RoleId } from '../shared';
import type { StationFaultCommandType } from './station-fault.commands';
import { STATION_FAULT_TRANSITIONS } from './station-fault.transitions';

export const STATION_FAULT_PROCESS_ID = 'station-fault';

/** `station-fault:<command>`, as a 403 names what is missing. */
export function stationFaultPermission(
  command: StationFaultCommandType | 'EraseReporter',
): string {
  return permissionOf(STATION_FAULT_PROCESS_ID, command);
}

/**
 * Erasing a reporter's personal data is no step of the process: it is
 * allowed in every state, to the centre's supervisor (for the tickets of
 * the supervisor's subsidiary) and to headquarters.
 */
export const STATION_FAULT_ERASURE = {
  permission: stationFaultPermission('EraseReporter'),
  roles: ['cs-supervisor', 'hq-cs-manager'] as readonly RoleId[],
} as const;

/** Roles with steps assigned to one member: these roles have leads. */
export const STATION_FAULT_ASSIGNED_ROLES: readonly RoleId[] = [
  ...new Set(
    STATION_FAULT_TRANSITIONS.filter((rule) => rule.assignee).flatMap(
      (rule) => rule.roles,
    ),
  ),
];
