import type { StationFaultCommandType } from './station-fault.commands';

// A record, not an array, so that a command added to the union and
// forgotten here fails to compile.
const COMMAND_TYPES: Record<StationFaultCommandType, true> = {
  ReportStationFault: true,
  CreateFaultTask: true,
  DispatchToRegion: true,
  AssignInspection: true,
  StartInspection: true,
  ReportInspectionResult: true,
  ReportUnresolvedToDispatch: true,
  EscalateToStationManager: true,
  AssignOpsTask: true,
  ClassifyFault: true,
  CompleteSupplierHandling: true,
  CompleteOpsRepair: true,
  ReportResultToStationManager: true,
  NotifyCustomerService: true,
  InformReporter: true,
};

/** Every command of the process, in the order of the procedure. */
export const STATION_FAULT_COMMAND_TYPES = Object.keys(
  COMMAND_TYPES,
) as StationFaultCommandType[];

export function isStationFaultCommandType(
  value: unknown,
): value is StationFaultCommandType {
  return (
    typeof value === 'string' &&
    Object.prototype.hasOwnProperty.call(COMMAND_TYPES, value)
  );
}
