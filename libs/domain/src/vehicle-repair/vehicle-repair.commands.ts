import type { DomainCommand, Fen } from '../shared';
import type {
  VehicleRepairContactOutcome,
  VehicleRepairFaultClass,
  VehicleRepairPayer,
} from './vehicle-repair.events';

type C<T extends string, P extends object> = DomainCommand<T, P>;
type Note = { note?: string };

/** Trigger: the agent takes the driver's call (the number is filled in). */
export type ReportVehicleFault = C<
  'ReportVehicleFault',
  {
    ticketNumber: string;
    memberId: string;
    plate: string;
    caller: { phone: string; name?: string };
    description: string;
    occurredAt: string;
    location: string;
    emergencyMeasures: string;
    canMove: boolean;
    payer: VehicleRepairPayer;
    /** Required when the fleet pays; absent when the member does. */
    fleetId?: string;
  }
>;
export type DispatchRescue = C<
  'DispatchRescue',
  { rescueVehicle: string; expectedArrivalAt?: string } & Note
>;
export type RecordTowedIn = C<'RecordTowedIn', Note>;
export type ReceiveVehicle = C<
  'ReceiveVehicle',
  {
    model: string;
    plate: string;
    symptoms: string;
    usage: string;
    mileageKm?: number;
  }
>;
export type DiagnoseFault = C<
  'DiagnoseFault',
  {
    diagnosis: string;
    repairPlan: string;
    quoteFen: Fen;
    faultClass: VehicleRepairFaultClass;
    /** Why it escalates; required unless the fault is ordinary. */
    escalationReason?: string;
  }
>;
export type EscalateToAssistantGm = C<
  'EscalateToAssistantGm',
  { reason: string }
>;
export type ResolveEscalation = C<'ResolveEscalation', { guidance: string }>;
export type ApproveQuote = C<'ApproveQuote', Note>;
export type RefuseQuote = C<'RefuseQuote', { reason: string }>;
export type ReturnVehicleUnrepaired = C<'ReturnVehicleUnrepaired', Note>;
export type EscalateFault = C<
  'EscalateFault',
  { faultClass: Exclude<VehicleRepairFaultClass, 'ordinary'>; reason: string }
>;
export type CompleteRepair = C<
  'CompleteRepair',
  { workDone: string; partsReplaced?: string[] }
>;
export type RecordQualityCheck = C<
  'RecordQualityCheck',
  { passed: true; note?: string } | { passed: false; findings: string }
>;
export type NotifyOwnerToCollect = C<
  'NotifyOwnerToCollect',
  { channel: 'phone' | 'sms' | 'app' } & Note
>;
export type RecordVehicleCollected = C<
  'RecordVehicleCollected',
  { collectedBy: string }
>;
export type FileWarrantyClaim = C<'FileWarrantyClaim', { description: string }>;
export type CompleteWarrantyFollowUp = C<
  'CompleteWarrantyFollowUp',
  { contactOutcome: VehicleRepairContactOutcome } & Note
>;
export type RecordSatisfactionSurvey = C<
  'RecordSatisfactionSurvey',
  {
    channel: 'phone' | 'form' | 'online';
    comment?: string;
  } & ({ answered: true; score: number } | { answered: false })
>;
export type SubmitAnalysisReport = C<
  'SubmitAnalysisReport',
  { rootCause: string; report: string }
>;

export type VehicleRepairCommand =
  | ReportVehicleFault
  | DispatchRescue
  | RecordTowedIn
  | ReceiveVehicle
  | DiagnoseFault
  | EscalateToAssistantGm
  | ResolveEscalation
  | ApproveQuote
  | RefuseQuote
  | ReturnVehicleUnrepaired
  | EscalateFault
  | CompleteRepair
  | RecordQualityCheck
  | NotifyOwnerToCollect
  | RecordVehicleCollected
  | FileWarrantyClaim
  | CompleteWarrantyFollowUp
  | RecordSatisfactionSurvey
  | SubmitAnalysisReport;

export type VehicleRepairCommandType = VehicleRepairCommand['type'];

// A record, so that a command added to the union and forgotten here
// fails to compile.
const COMMAND_TYPES: Record<VehicleRepairCommandType, true> = {
  ReportVehicleFault: true,
  DispatchRescue: true,
  RecordTowedIn: true,
  ReceiveVehicle: true,
  DiagnoseFault: true,
  EscalateToAssistantGm: true,
  ResolveEscalation: true,
  ApproveQuote: true,
  RefuseQuote: true,
  ReturnVehicleUnrepaired: true,
  EscalateFault: true,
  CompleteRepair: true,
  RecordQualityCheck: true,
  NotifyOwnerToCollect: true,
  RecordVehicleCollected: true,
  FileWarrantyClaim: true,
  CompleteWarrantyFollowUp: true,
  RecordSatisfactionSurvey: true,
  SubmitAnalysisReport: true,
};

export const VEHICLE_REPAIR_COMMAND_TYPES = Object.keys(
  COMMAND_TYPES,
) as VehicleRepairCommandType[];
