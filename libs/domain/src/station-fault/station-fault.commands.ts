import type { DomainCommand } from '../shared';
import type {
  CallbackReport,
  ContactOutcome,
  DecisionRecord,
  HandlingOutcome,
  Reporter,
  StationSnapshot,
} from './station-fault.events';

type C<T extends string, P extends object> = DomainCommand<T, P>;

/** 4.1: the agent takes the call and records station and fault. */
export type ReportStationFault = C<
  'ReportStationFault',
  {
    ticketNumber: string;
    reporter: Reporter;
    callTime: string;
    station: StationSnapshot;
    faultDescription: string;
    suspectedChargingPile: boolean;
    chargingPileId?: string;
  }
>;
/** 4.2 */
export type CreateFaultTask = C<'CreateFaultTask', { note?: string }>;
/** 4.3 (automatic routing or a dispatcher's choice) */
export type DispatchToRegion = C<
  'DispatchToRegion',
  { regionalPlatformId: string; decision: DecisionRecord; note?: string }
>;
/** 4.4 */
export type AssignInspection = C<
  'AssignInspection',
  { inspectorId: string; decision: DecisionRecord }
>;
/** 4.5 */
export type StartInspection = C<'StartInspection', object>;
/** 4.6 / 4.7 (decision D1) */
export type ReportInspectionResult = C<
  'ReportInspectionResult',
  | { cleared: true; resolutionNote: string }
  | { cleared: false; findings: string; reasonNotFixed: string }
>;
/** 4.8 */
export type ReportUnresolvedToDispatch = C<
  'ReportUnresolvedToDispatch',
  { note?: string }
>;
/** 4.9 */
export type EscalateToStationManager = C<
  'EscalateToStationManager',
  { note?: string }
>;
/** 4.10 */
export type AssignOpsTask = C<'AssignOpsTask', { opsTeamId: string }>;
/** 4.10 (decision D2) */
export type ClassifyFault = C<
  'ClassifyFault',
  | { isChargingPileIssue: true; supplierId: string; chargingPileId: string }
  | { isChargingPileIssue: false; repairTicketId: string }
>;
/** Gap G-a */
export type CompleteSupplierHandling = C<
  'CompleteSupplierHandling',
  { outcome: HandlingOutcome; result: string }
>;
/** Operations' own repair finished. */
export type CompleteOpsRepair = C<
  'CompleteOpsRepair',
  { outcome: HandlingOutcome; result: string }
>;
/** Gap G-b */
export type ReportResultToStationManager = C<
  'ReportResultToStationManager',
  { result: string }
>;
/** 4.11 / 3.5 / gap G-d */
export type NotifyCustomerService = C<
  'NotifyCustomerService',
  { resultSummary: string }
>;
/**
 * Gap G-c: tell the reporter, then close; by an agent at once, or by the
 * centre's automation when a call-back has ended (`callback`).
 */
export type InformReporter = C<
  'InformReporter',
  { contactOutcome: ContactOutcome; note?: string; callback?: CallbackReport }
>;

export type StationFaultCommand =
  | ReportStationFault
  | CreateFaultTask
  | DispatchToRegion
  | AssignInspection
  | StartInspection
  | ReportInspectionResult
  | ReportUnresolvedToDispatch
  | EscalateToStationManager
  | AssignOpsTask
  | ClassifyFault
  | CompleteSupplierHandling
  | CompleteOpsRepair
  | ReportResultToStationManager
  | NotifyCustomerService
  | InformReporter;

export type StationFaultCommandType = StationFaultCommand['type'];
