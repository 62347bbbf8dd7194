import type { DomainCommand } from '../shared';
import type {
  EmergencyCallbackOutcome,
  FaultType,
  TicketRef,
} from './centre-emergency.events';

type C<T extends string, P extends object> = DomainCommand<T, P>;

/**
 * What the runtime found when it read the referenced ticket's stream; it
 * overwrites whatever the caller sent, so the decider can trust it.
 */
export interface LinkTarget {
  found: boolean;
  ticketNumber?: string;
  subsidiaryId?: string;
}

/** 4.1 and 3.2: the fault is logged in 《系统问题记录表》. */
export type LogFault = C<
  'LogFault',
  {
    ticketNumber: string;
    faultType: FaultType;
    advanceNotice: boolean;
    detectedAt: string;
    description: string;
  }
>;
/** 4.2: the pre-announced fault goes to the emergency mechanism. */
export type ActivateEmergencyMechanism = C<
  'ActivateEmergencyMechanism',
  { note?: string }
>;
/** 4.3: the estimate from technical management, reported to HQ. */
export type ConfirmRepairEta = C<
  'ConfirmRepairEta',
  { eta: string; techContact: string; note?: string }
>;
/** 4.4: everyone who can answer logs in to the phones. */
export type MobiliseAllHands = C<'MobiliseAllHands', { staff: string[] }>;
/** 3.1 / 4.4: the online group lends staff to the phone group. */
export type LendOnlineStaff = C<'LendOnlineStaff', { staff: string[] }>;
/** 3.4 (二): two management staff for a back-office fault. */
export type DesignateManagers = C<'DesignateManagers', { managers: string[] }>;
/** 3.4 (三): the 400 fault is reported to 天润 for emergency repair. */
export type ReportToTianrun = C<
  'ReportToTianrun',
  { reference?: string; note?: string }
>;
/** 3.2 (二): a customer's request written down by hand. */
export type RecordHandwrittenRequest = C<
  'RecordHandwrittenRequest',
  {
    customer: { phone: string; name?: string };
    request: string;
    receivedAt: string;
  }
>;
/** 3.1 / 3.2 (三): a call the broken hotline did not answer. */
export type RecordMissedCall = C<
  'RecordMissedCall',
  { caller: { phone: string }; calledAt: string }
>;
/** 3.3: on a non-working day the shift leader tells the CS manager. */
export type ReportToCsManagerOffDay = C<
  'ReportToCsManagerOffDay',
  { note?: string }
>;
/** 3.3: during a handover the next shift is called in early. */
export type CallNextShiftEarly = C<'CallNextShiftEarly', { staff: string[] }>;
/** 3.4: the supervisor deploys staff to come in and help. */
export type DeploySupportStaff = C<'DeploySupportStaff', { staff: string[] }>;
/** 3.6: technical management reports the fault fixed. */
export type ResolveFault = C<'ResolveFault', { cause: string }>;
/** 3.4 (二) 后续补建任务: a hand-written request entered as a task. */
export type BackfillTask = C<
  'BackfillTask',
  {
    entryId: string;
    task: string;
    ticket?: TicketRef;
    /** Filled in by the runtime when `ticket` is given. */
    target?: LinkTarget;
  }
>;
/** 3.4 (三): a missed call called back once the hotline is back. */
export type RecordCallback = C<
  'RecordCallback',
  { callId: string; outcome: EmergencyCallbackOutcome; note?: string }
>;
/** 3.2 / 4.4: the matters held over during the fault are handled. */
export type RecordDeferredRequestsHandled = C<
  'RecordDeferredRequestsHandled',
  { handled: number; note?: string }
>;
export type CloseEmergency = C<'CloseEmergency', { summary: string }>;
/** An affected ticket of any process is linked to the emergency. */
export type LinkTicket = C<'LinkTicket', TicketRef & { target?: LinkTarget }>;
export type UnlinkTicket = C<'UnlinkTicket', TicketRef>;

export type CentreEmergencyCommand =
  | LogFault
  | ActivateEmergencyMechanism
  | ConfirmRepairEta
  | MobiliseAllHands
  | LendOnlineStaff
  | DesignateManagers
  | ReportToTianrun
  | RecordHandwrittenRequest
  | RecordMissedCall
  | ReportToCsManagerOffDay
  | CallNextShiftEarly
  | DeploySupportStaff
  | ResolveFault
  | BackfillTask
  | RecordCallback
  | RecordDeferredRequestsHandled
  | CloseEmergency
  | LinkTicket
  | UnlinkTicket;

export type CentreEmergencyCommandType = CentreEmergencyCommand['type'];

// A record, so that a command added to the union and forgotten here
// fails to compile.
const COMMAND_TYPES: Record<CentreEmergencyCommandType, true> = {
  LogFault: true,
  ActivateEmergencyMechanism: true,
  ConfirmRepairEta: true,
  MobiliseAllHands: true,
  LendOnlineStaff: true,
  DesignateManagers: true,
  ReportToTianrun: true,
  RecordHandwrittenRequest: true,
  RecordMissedCall: true,
  ReportToCsManagerOffDay: true,
  CallNextShiftEarly: true,
  DeploySupportStaff: true,
  ResolveFault: true,
  BackfillTask: true,
  RecordCallback: true,
  RecordDeferredRequestsHandled: true,
  CloseEmergency: true,
  LinkTicket: true,
  UnlinkTicket: true,
};

export const CENTRE_EMERGENCY_COMMAND_TYPES = Object.keys(
  COMMAND_TYPES,
) as CentreEmergencyCommandType[];
