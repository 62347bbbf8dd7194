import type { DecisionContext } from '../shared';
import { authoriseRepairOrder } from './repair-order.authorise';
import type { RepairOrderCommand } from './repair-order.commands';
import {
  decideBook,
  decideConfirmation,
  decideExpire,
  decideRebook,
  decideRequestConfirmation,
  decideShopCannotKeep,
} from './repair-order.decide-booking';
import {
  decideAuthorisation,
  decideReceive,
  decideWalkIn,
} from './repair-order.decide-reception';
import {
  decideArchive,
  decideDeliver,
  decideDispute,
  decideResolve,
  decideSettle,
  decideSurvey,
} from './repair-order.decide-settlement';
import {
  decideChange,
  decideChangeDecision,
  decideInspection,
  decideProgress,
  decideSelfCheck,
  decideWorkOrder,
} from './repair-order.decide-work';
import type { RepairOrderEvent } from './repair-order.events';
import type { RepairOrderRules } from './repair-order.rules';
import type { RepairOrderState } from './repair-order.state';

export { REPAIR_ORDER_PROCESS_ID } from './repair-order.process-id';

/**
 * The events a command appends, or a `DomainError`: existence, role and
 * state first (from the transition table), then every failing field at
 * once, then the process's own rules.
 */
export function decideRepairOrder(
  command: RepairOrderCommand,
  state: RepairOrderState,
  context: DecisionContext,
  rules: RepairOrderRules,
): RepairOrderEvent[] {
  authoriseRepairOrder(command, state, context);

  switch (command.type) {
    case 'BookAppointment':
      return decideBook(command, state, context);
    case 'RequestAppointmentConfirmation':
      return decideRequestConfirmation(command, state, context);
    case 'RecordConfirmation':
      return decideConfirmation(command, state);
    case 'ExpireUnconfirmedAppointment':
      return decideExpire(command, state, context);
    case 'ShopCannotKeepAppointment':
      return decideShopCannotKeep(command, state, context);
    case 'RebookAppointment':
      return decideRebook(command, state, context);
    case 'RegisterWalkIn':
      return decideWalkIn(command, context, rules);
    case 'ReceiveBookedVehicle':
      return decideReceive(command, context, rules);
    case 'SignRepairAuthorisation':
      return decideAuthorisation(command, context);
    case 'IssueWorkOrder':
      return decideWorkOrder(command, state, context);
    case 'ReportRepairProgress':
      return decideProgress(command);
    case 'ProposeRepairChange':
      return decideChange(command);
    case 'RecordChangeDecision':
      return decideChangeDecision(command, state);
    case 'CompleteSelfCheck':
      return decideSelfCheck(command, context);
    case 'RecordQualityInspection':
      return decideInspection(command, context);
    case 'SettleRepairCosts':
      return decideSettle(command, state, context);
    case 'RaiseFeeDispute':
      return decideDispute(command);
    case 'ResolveFeeDispute':
      return decideResolve(command);
    case 'DeliverVehicle':
      return decideDeliver(command, context, rules);
    case 'RecordSatisfactionSurvey':
      return decideSurvey(command);
    case 'ArchiveRepairOrder':
      return decideArchive(command, state, context);
    default: {
      // The table has already refused a type it does not list.
      const unknown: never = command;
      return unknown;
    }
  }
}
