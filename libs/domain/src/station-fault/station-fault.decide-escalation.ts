import { FieldChecks } from '../shared';
import type {
  AssignOpsTask,
  EscalateToStationManager,
  ReportUnresolvedToDispatch,
} from './station-fault.commands';
import { payloadOf } from './station-fault.common-checks';
import { stationFaultEvent } from './station-fault.event-factory';
import type { StationFaultEvent } from './station-fault.events';

function checkNoteOnly(command: { type: string; payload: unknown }): void {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (p) checks.optionalString('payload.note', p.note);
  checks.throwIfAny(command.type);
}

/** 4.8: the platform reports the unresolved fault to dispatch. */
export function decideReportUnresolvedToDispatch(
  command: ReportUnresolvedToDispatch,
): StationFaultEvent[] {
  checkNoteOnly(command);

  return [
    stationFaultEvent('station-fault.unresolved-reported-to-dispatch', {
      note: command.payload.note,
    }),
  ];
}

/** 4.9: dispatch escalates to the station manager. */
export function decideEscalateToStationManager(
  command: EscalateToStationManager,
): StationFaultEvent[] {
  checkNoteOnly(command);

  return [
    stationFaultEvent('station-fault.escalated-to-station-manager', {
      note: command.payload.note,
    }),
  ];
}

/** 4.10: the station manager hands the on-site task to operations. */
export function decideAssignOpsTask(
  command: AssignOpsTask,
): StationFaultEvent[] {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (p) checks.nonBlank('payload.opsTeamId', p.opsTeamId);
  checks.throwIfAny(command.type);

  return [
    stationFaultEvent('station-fault.ops-task-assigned', {
      opsTeamId: command.payload.opsTeamId,
    }),
  ];
}
