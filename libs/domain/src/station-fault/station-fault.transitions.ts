import type { RoleId } from '../shared';
import type { StationFaultCommandType } from './station-fault.commands';
import type { StationFaultEventType } from './station-fault.events';
import type { StationFaultConfig } from './station-fault.state';
import type { StationFaultStatus } from './station-fault.states';

/** The state fields that name who a step is assigned to. */
export type StationFaultAssignee = 'inspectorId' | 'opsTeamId' | 'supplierId';

/** One way a command can end: the events it appends and where they lead. */
export interface StationFaultTransitionOutcome {
  readonly events: readonly StationFaultEventType[];
  readonly to: StationFaultStatus;
}

/**
 * A command allowed in one state, and who may issue it there. The decider,
 * the permission layer and the audit tool all read this one table.
 */
export interface StationFaultTransition {
  readonly command: StationFaultCommandType;
  readonly from: StationFaultStatus;
  readonly roles: readonly RoleId[];
  /** Set when the rule exists under one result-notifier setting only. */
  readonly resultNotifier?: StationFaultConfig['resultNotifier'];
  /**
   * Set when only the assignee named by this state field (or the role's
   * lead) may act: the inspector, the operations team, the supplier.
   */
  readonly assignee?: StationFaultAssignee;
  readonly outcomes: readonly StationFaultTransitionOutcome[];
}

export const STATION_FAULT_TRANSITIONS: readonly StationFaultTransition[] = [
  {
    command: 'ReportStationFault',
    from: 'NEW',
    roles: ['cs-phone-agent'],
    outcomes: [
      {
        events: ['station-fault.call-received', 'station-fault.fault-recorded'],
        to: 'RECORDED',
      },
    ],
  },
  {
    command: 'CreateFaultTask',
    from: 'RECORDED',
    roles: ['cs-phone-agent'],
    outcomes: [
      { events: ['station-fault.task-created'], to: 'AWAITING_DISPATCH' },
    ],
  },
  {
    command: 'DispatchToRegion',
    from: 'AWAITING_DISPATCH',
    roles: ['dispatch-manager'],
    outcomes: [
      {
        events: ['station-fault.dispatched-to-region'],
        to: 'AT_REGIONAL_PLATFORM',
      },
    ],
  },
  {
    command: 'AssignInspection',
    from: 'AT_REGIONAL_PLATFORM',
    roles: ['regional-platform'],
    outcomes: [
      {
        events: ['station-fault.inspection-assigned'],
        to: 'INSPECTION_ASSIGNED',
      },
    ],
  },
  {
    command: 'StartInspection',
    from: 'INSPECTION_ASSIGNED',
    roles: ['regional-inspector'],
    assignee: 'inspectorId',
    outcomes: [
      { events: ['station-fault.inspector-arrived'], to: 'INSPECTING' },
    ],
  },
  {
    // Decision D1: was the fault cleared on site?
    command: 'ReportInspectionResult',
    from: 'INSPECTING',
    roles: ['regional-inspector'],
    assignee: 'inspectorId',
    outcomes: [
      {
        events: ['station-fault.fault-cleared-by-inspector'],
        to: 'RESOLVED_BY_INSPECTION',
      },
      {
        events: ['station-fault.fault-not-cleared'],
        to: 'UNRESOLVED_AT_PLATFORM',
      },
    ],
  },
  {
    command: 'ReportUnresolvedToDispatch',
    from: 'UNRESOLVED_AT_PLATFORM',
    roles: ['regional-platform'],
    outcomes: [
      {
        events: ['station-fault.unresolved-reported-to-dispatch'],
        to: 'UNRESOLVED_AT_DISPATCH',
      },
    ],
  },
  {
    command: 'EscalateToStationManager',
    from: 'UNRESOLVED_AT_DISPATCH',
    roles: ['dispatch-manager'],
    outcomes: [
      {
        events: ['station-fault.escalated-to-station-manager'],
        to: 'AT_STATION_MANAGER',
      },
    ],
  },
  {
    command: 'AssignOpsTask',
    from: 'AT_STATION_MANAGER',
    roles: ['station-manager'],
    outcomes: [
      { events: ['station-fault.ops-task-assigned'], to: 'AT_OPS_TEAM' },
    ],
  },
  {
    // Decision D2: is it a charging-pile problem?
    command: 'ClassifyFault',
    from: 'AT_OPS_TEAM',
    roles: ['station-ops-team'],
    assignee: 'opsTeamId',
    outcomes: [
      {
        events: [
          'station-fault.fault-classified',
          'station-fault.supplier-dispatched',
        ],
        to: 'SUPPLIER_HANDLING',
      },
      {
        events: [
          'station-fault.fault-classified',
          'station-fault.on-site-repair-started',
        ],
        to: 'OPS_REPAIRING',
      },
    ],
  },
  {
    // Gap G-e: not fixed goes back to operations to decide again.
    command: 'CompleteSupplierHandling',
    from: 'SUPPLIER_HANDLING',
    roles: ['charging-pile-supplier'],
    assignee: 'supplierId',
    outcomes: [
      {
        events: ['station-fault.supplier-handling-completed'],
        to: 'HANDLING_DONE',
      },
      {
        events: ['station-fault.supplier-handling-completed'],
        to: 'AT_OPS_TEAM',
      },
    ],
  },
  {
    command: 'CompleteOpsRepair',
    from: 'OPS_REPAIRING',
    roles: ['station-ops-team'],
    assignee: 'opsTeamId',
    outcomes: [
      { events: ['station-fault.ops-repair-completed'], to: 'HANDLING_DONE' },
      { events: ['station-fault.ops-repair-completed'], to: 'AT_OPS_TEAM' },
    ],
  },
  {
    // Gap G-b, only where the station manager tells the centre (4.11).
    command: 'ReportResultToStationManager',
    from: 'HANDLING_DONE',
    roles: ['station-ops-team'],
    resultNotifier: 'station-manager',
    assignee: 'opsTeamId',
    outcomes: [
      {
        events: ['station-fault.result-reported-to-station-manager'],
        to: 'RESULT_AT_STATION_MANAGER',
      },
    ],
  },
  {
    // Under either setting: a ticket already with the station manager when
    // the setting changes must still reach the centre.
    command: 'NotifyCustomerService',
    from: 'RESULT_AT_STATION_MANAGER',
    roles: ['station-manager'],
    outcomes: [
      {
        events: ['station-fault.result-notified-to-customer-service'],
        to: 'RESULT_NOTIFIED',
      },
    ],
  },
  {
    // Duty line 3.5: operations tell the centre themselves.
    command: 'NotifyCustomerService',
    from: 'HANDLING_DONE',
    roles: ['station-ops-team'],
    resultNotifier: 'station-ops-team',
    assignee: 'opsTeamId',
    outcomes: [
      {
        events: ['station-fault.result-notified-to-customer-service'],
        to: 'RESULT_NOTIFIED',
      },
    ],
  },
  {
    // Gap G-d: the inspector's result still reaches the centre.
    command: 'NotifyCustomerService',
    from: 'RESOLVED_BY_INSPECTION',
    roles: ['regional-platform'],
    outcomes: [
      {
        events: ['station-fault.result-notified-to-customer-service'],
        to: 'RESULT_NOTIFIED',
      },
    ],
  },
  {
    // Gap G-c: the reporter is told, then the ticket is closed.
    command: 'InformReporter',
    from: 'RESULT_NOTIFIED',
    roles: ['cs-phone-agent'],
    outcomes: [
      {
        events: [
          'station-fault.reporter-informed',
          'station-fault.ticket-closed',
        ],
        to: 'CLOSED',
      },
    ],
  },
];

/** Whether a rule applies under a configuration. */
export function stationFaultRuleApplies(
  rule: StationFaultTransition,
  config: StationFaultConfig,
): boolean {
  return (
    rule.resultNotifier === undefined ||
    rule.resultNotifier === config.resultNotifier
  );
}

/** The rules of one command that apply under a configuration. */
export function stationFaultRulesFor(
  command: StationFaultCommandType,
  config: StationFaultConfig,
): StationFaultTransition[] {
  return STATION_FAULT_TRANSITIONS.filter(
    (rule) => rule.command === command && stationFaultRuleApplies(rule, config),
  );
}
