import { authoriseByTable, type DecisionContext } from '../shared';
import type { VehicleRepairCommand } from './vehicle-repair.commands';
import {
  decideDiagnose,
  decideDispatchRescue,
  decideReceive,
  decideReport,
  decideTowedIn,
} from './vehicle-repair.decide-intake';
import {
  decideAnalysisReport,
  decideApproveQuote,
  decideCollected,
  decideCompleteRepair,
  decideNotifyOwner,
  decideQualityCheck,
  decideRefuseQuote,
  decideReturnUnrepaired,
  decideSurvey,
  decideWarrantyClaim,
  decideWarrantyFollowUp,
} from './vehicle-repair.decide-repair';
import {
  decideEscalateFault,
  decideEscalateToGm,
  decideResolveEscalation,
} from './vehicle-repair.decide-support';
import type { VehicleRepairEvent } from './vehicle-repair.events';
import type { VehicleRepairRules } from './vehicle-repair.rules';
import type { VehicleRepairState } from './vehicle-repair.state';
import { VEHICLE_REPAIR_TRANSITIONS } from './vehicle-repair.transitions';

export const VEHICLE_REPAIR_PROCESS_ID = 'vehicle-repair';

/**
 * The events a command appends, or a `DomainError`: existence, role and
 * state first (from the transition table), then every failing field at
 * once, then the process's own rules.
 */
export function decideVehicleRepair(
  command: VehicleRepairCommand,
  state: VehicleRepairState,
  context: DecisionContext,
  rules: VehicleRepairRules,
): VehicleRepairEvent[] {
  authoriseByTable(
    VEHICLE_REPAIR_PROCESS_ID,
    VEHICLE_REPAIR_TRANSITIONS,
    command,
    state,
    context,
  );

  switch (command.type) {
    case 'ReportVehicleFault':
      return decideReport(command, context);
    case 'DispatchRescue':
      return decideDispatchRescue(command);
    case 'RecordTowedIn':
      return decideTowedIn(command);
    case 'ReceiveVehicle':
      return decideReceive(command, state);
    case 'DiagnoseFault':
      return decideDiagnose(command, state);
    case 'EscalateToAssistantGm':
      return decideEscalateToGm(command);
    case 'ResolveEscalation':
      return decideResolveEscalation(command, state);
    case 'ApproveQuote':
      return decideApproveQuote(command, state, context);
    case 'RefuseQuote':
      return decideRefuseQuote(command, state, context);
    case 'ReturnVehicleUnrepaired':
      return decideReturnUnrepaired(command);
    case 'EscalateFault':
      return decideEscalateFault(command);
    case 'CompleteRepair':
      return decideCompleteRepair(command);
    case 'RecordQualityCheck':
      return decideQualityCheck(command);
    case 'NotifyOwnerToCollect':
      return decideNotifyOwner(command);
    case 'RecordVehicleCollected':
      return decideCollected(command, state, context, rules);
    case 'FileWarrantyClaim':
      return decideWarrantyClaim(command, state, context);
    case 'CompleteWarrantyFollowUp':
      return decideWarrantyFollowUp(command);
    case 'RecordSatisfactionSurvey':
      return decideSurvey(command);
    case 'SubmitAnalysisReport':
      return decideAnalysisReport(command);
    default: {
      // The table has already refused a type it does not list.
      const unknown: never = command;
      return unknown;
    }
  }
}
