import type {
  DeadlineBreached,
  DeadlineWarned,
} from '../deadlines/deadline-events';
import type { DomainEvent } from '../shared';
import type { FaultCategory } from './station-fault.category';

/** 物业方 (property management) or 用户 (user): data only, never a branch. */
export type ReporterType = 'property-management' | 'user';

export interface Reporter {
  type: ReporterType;
  name?: string;
  phone: string;
}

/** The station as known to the registry when the fault was recorded. */
export interface StationSnapshot {
  id: string;
  name: string;
  address: string;
  district: string;
  street: string;
  regionId: string;
  /** The subsidiary (子公司) owning the station's region: the ticket's owner. */
  subsidiaryId?: string;
}

/** Which inputs an automatic decision used, so replay never re-decides. */
export interface DecisionRecord {
  mode: 'automatic' | 'manual';
  ruleVersion: string;
  inputs: Record<string, unknown>;
}

export type HandlingOutcome = 'fixed' | 'not-fixed';

export type FinalStatus =
  'cleared-by-inspector' | 'repaired-by-supplier' | 'repaired-by-ops-team';

export type ContactOutcome = 'reached' | 'unreachable';

type E<T extends string, D extends object> = DomainEvent<
  `station-fault.${T}`,
  D
>;

/** 4.1: the call was received. */
export type CallReceived = E<
  'call-received',
  {
    ticketNumber: string;
    reporter: Reporter;
    callTime: string;
    channel: 'phone';
  }
>;
/** 4.1: station information and the fault recorded. */
export type FaultRecorded = E<
  'fault-recorded',
  {
    station: StationSnapshot;
    faultDescription: string;
    suspectedChargingPile: boolean;
    chargingPileId?: string;
    /**
     * Decided at intake (`categoriseFault`); absent from events recorded
     * before it existed, which the fold categorises by the same rule.
     */
    category?: FaultCategory;
  }
>;
/** 4.2: task created and sent to dispatch. */
export type TaskCreated = E<'task-created', { note?: string }>;
/** 4.3: dispatched to the regional platform of the station's location. */
export type DispatchedToRegion = E<
  'dispatched-to-region',
  { regionalPlatformId: string; decision: DecisionRecord; note?: string }
>;
/** 4.4: 查看网点 task assigned to an inspector. */
export type InspectionAssigned = E<
  'inspection-assigned',
  { inspectorId: string; taskType: '查看网点'; decision: DecisionRecord }
>;
/** 4.5: the inspector arrived on site. */
export type InspectorArrived = E<'inspector-arrived', { arrivedAt: string }>;
/** 4.6 (D1 yes): the inspector cleared the fault. */
export type FaultClearedByInspector = E<
  'fault-cleared-by-inspector',
  { resolutionNote: string; resolvedAt: string }
>;
/** 4.7 (D1 no): not cleared, reported back to the platform. */
export type FaultNotCleared = E<
  'fault-not-cleared',
  { findings: string; reasonNotFixed: string }
>;
/** 4.8: the platform reported the unresolved fault to dispatch. */
export type UnresolvedReportedToDispatch = E<
  'unresolved-reported-to-dispatch',
  { note?: string }
>;
/** 4.9: dispatch escalated to the station manager. */
export type EscalatedToStationManager = E<
  'escalated-to-station-manager',
  { note?: string }
>;
/** 4.10: the station manager assigned the on-site task to operations. */
export type OpsTaskAssigned = E<'ops-task-assigned', { opsTeamId: string }>;
/** 4.10 (D2): operations decided whether it is a charging-pile problem. */
export type FaultClassified = E<
  'fault-classified',
  { isChargingPileIssue: boolean; chargingPileId?: string }
>;
/** 4.10 (D2 yes): the charging-pile supplier sent to the site. */
export type SupplierDispatched = E<
  'supplier-dispatched',
  { supplierId: string; chargingPileId: string }
>;
/** 4.10 (D2 no): operations repair on site; 网点维修与维护流程 linked. */
export type OnSiteRepairStarted = E<
  'on-site-repair-started',
  { repairTicketId: string }
>;
/** Gap G-a: the supplier reports the outcome to operations. */
export type SupplierHandlingCompleted = E<
  'supplier-handling-completed',
  { outcome: HandlingOutcome; result: string; completedAt: string }
>;
/** Operations finished their own repair. */
export type OpsRepairCompleted = E<
  'ops-repair-completed',
  { outcome: HandlingOutcome; result: string; completedAt: string }
>;
/** Gap G-b: operations report the result to the station manager. */
export type ResultReportedToStationManager = E<
  'result-reported-to-station-manager',
  { result: string }
>;
/** 4.11 / 3.5 / gap G-d: the centre learns the result. */
export type ResultNotifiedToCustomerService = E<
  'result-notified-to-customer-service',
  { resultSummary: string; finalStatus: FinalStatus }
>;
/** How a call-back (电话回访流程) told the reporter, when one did. */
export interface CallbackReport {
  callbackId: string;
  outcome: 'satisfied' | 'unreached' | 'complaint' | 'dissatisfied';
}

/** Gap G-c: the centre told the reporter the outcome. */
export type ReporterInformed = E<
  'reporter-informed',
  { contactOutcome: ContactOutcome; note?: string; callback?: CallbackReport }
>;
/** The centre closed the ticket. */
export type TicketClosed = E<'ticket-closed', { closedAt: string }>;

export type StationFaultEvent =
  | CallReceived
  | FaultRecorded
  | TaskCreated
  | DispatchedToRegion
  | InspectionAssigned
  | InspectorArrived
  | FaultClearedByInspector
  | FaultNotCleared
  | UnresolvedReportedToDispatch
  | EscalatedToStationManager
  | OpsTaskAssigned
  | FaultClassified
  | SupplierDispatched
  | OnSiteRepairStarted
  | SupplierHandlingCompleted
  | OpsRepairCompleted
  | ResultReportedToStationManager
  | ResultNotifiedToCustomerService
  | ReporterInformed
  | TicketClosed
  | DeadlineWarned<'station-fault'>
  | DeadlineBreached<'station-fault'>;

export type StationFaultEventType = StationFaultEvent['type'];
