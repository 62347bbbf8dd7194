import type { DecisionContext } from '../shared';
import type { StationFaultCommand } from './station-fault.commands';
import {
  decideAssignOpsTask,
  decideEscalateToStationManager,
  decideReportUnresolvedToDispatch,
} from './station-fault.decide-escalation';
import {
  decideClassifyFault,
  decideCompleteOpsRepair,
  decideCompleteSupplierHandling,
} from './station-fault.decide-handling';
import {
  decideAssignInspection,
  decideReportInspectionResult,
  decideStartInspection,
} from './station-fault.decide-inspection';
import {
  decideCreateFaultTask,
  decideDispatchToRegion,
  decideReportStationFault,
} from './station-fault.decide-intake';
import {
  decideInformReporter,
  decideNotifyCustomerService,
  decideReportResultToStationManager,
} from './station-fault.decide-result';
import type { StationFaultEvent } from './station-fault.events';
import { authoriseStationFaultCommand } from './station-fault.guard';
import {
  defaultStationFaultConfig,
  type StationFaultConfig,
  type StationFaultState,
} from './station-fault.state';

/**
 * The events a command appends to a ticket, or a `DomainError` saying why
 * it is refused. Checks run in a fixed order: existence, role, state,
 * assignee, then the command's data (every failing field at once).
 */
export function decideStationFault(
  command: StationFaultCommand,
  state: StationFaultState,
  context: DecisionContext,
  config: StationFaultConfig = defaultStationFaultConfig,
): StationFaultEvent[] {
  authoriseStationFaultCommand(command, state, context, config);

  switch (command.type) {
    case 'ReportStationFault':
      return decideReportStationFault(command, context);
    case 'CreateFaultTask':
      return decideCreateFaultTask(command);
    case 'DispatchToRegion':
      return decideDispatchToRegion(command);
    case 'AssignInspection':
      return decideAssignInspection(command);
    case 'StartInspection':
      return decideStartInspection(command, context);
    case 'ReportInspectionResult':
      return decideReportInspectionResult(command, context);
    case 'ReportUnresolvedToDispatch':
      return decideReportUnresolvedToDispatch(command);
    case 'EscalateToStationManager':
      return decideEscalateToStationManager(command);
    case 'AssignOpsTask':
      return decideAssignOpsTask(command);
    case 'ClassifyFault':
      return decideClassifyFault(command);
    case 'CompleteSupplierHandling':
      return decideCompleteSupplierHandling(command, context);
    case 'CompleteOpsRepair':
      return decideCompleteOpsRepair(command, context);
    case 'ReportResultToStationManager':
      return decideReportResultToStationManager(command);
    case 'NotifyCustomerService':
      return decideNotifyCustomerService(command, state);
    case 'InformReporter':
      return decideInformReporter(command, context);
    default: {
      // The guard has already refused a type it does not know.
      const unknown: never = command;
      return unknown;
    }
  }
}
