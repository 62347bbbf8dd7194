import type { DomainEvent } from '../shared';

/** The three scenarios of 4.1. */
export const FAULT_TYPES = [
  'app',
  'backoffice-network-power',
  'hotline-400-or-udesk',
] as const;
export type FaultType = (typeof FAULT_TYPES)[number];

export type EmergencyCallbackOutcome = 'reached' | 'unreachable';

/** A ticket of any process, by its stream's parts. */
export interface TicketRef {
  processId: string;
  ticketId: string;
}

type E<T extends string, D extends object> = DomainEvent<
  `centre-emergency.${T}`,
  D
>;

/** 4.1 / 3.2: the fault, logged in 《系统问题记录表》. */
export type FaultLogged = E<
  'fault-logged',
  {
    ticketNumber: string;
    subsidiaryId?: string;
    faultType: FaultType;
    advanceNotice: boolean;
    detectedAt: string;
    description: string;
  }
>;
/** 4.2: the emergency mechanism takes over; this process ends. */
export type EmergencyMechanismActivated = E<
  'emergency-mechanism-activated',
  { note?: string }
>;
/** 4.3: technical management's estimated repair time. */
export type RepairEtaConfirmed = E<
  'repair-eta-confirmed',
  { eta: string; techContact: string; note?: string }
>;
/** 4.3: reported in real time to the HQ CS manager. */
export type ReportedToHqCsManager = E<
  'reported-to-hq-cs-manager',
  { reportedAt: string }
>;
export type AllHandsOnPhones = E<'all-hands-on-phones', { staff: string[] }>;
export type OnlineStaffLent = E<'online-staff-lent', { staff: string[] }>;
export type TwoManagersDesignated = E<
  'two-managers-designated',
  { managers: string[] }
>;
export type TianrunRepairReported = E<
  'tianrun-repair-reported',
  { reference?: string; note?: string }
>;
export type HandwrittenRequestRecorded = E<
  'handwritten-request-recorded',
  {
    entryId: string;
    customer: { phone: string; name?: string };
    request: string;
    receivedAt: string;
  }
>;
export type MissedCallRecorded = E<
  'missed-call-recorded',
  { callId: string; caller: { phone: string }; calledAt: string }
>;
export type ReportedToCsManager = E<
  'reported-to-cs-manager',
  { day: string; note?: string }
>;
export type NextShiftCalledInEarly = E<
  'next-shift-called-in-early',
  { staff: string[] }
>;
export type SupportStaffDeployed = E<
  'support-staff-deployed',
  { staff: string[] }
>;
export type FaultResolved = E<
  'fault-resolved',
  { cause: string; resolvedAt: string }
>;
export type TaskBackfilled = E<
  'task-backfilled',
  { entryId: string; task: string; ticket?: TicketRef }
>;
export type MissedCallCalledBack = E<
  'missed-call-called-back',
  { callId: string; outcome: EmergencyCallbackOutcome; note?: string }
>;
export type DeferredRequestsProcessed = E<
  'deferred-requests-processed',
  { handled: number; note?: string }
>;
export type EmergencyClosed = E<'emergency-closed', { summary: string }>;
export type TicketLinked = E<
  'ticket-linked',
  TicketRef & { ticketNumber?: string }
>;
export type TicketUnlinked = E<'ticket-unlinked', TicketRef>;

export type CentreEmergencyEvent =
  | FaultLogged
  | EmergencyMechanismActivated
  | RepairEtaConfirmed
  | ReportedToHqCsManager
  | AllHandsOnPhones
  | OnlineStaffLent
  | TwoManagersDesignated
  | TianrunRepairReported
  | HandwrittenRequestRecorded
  | MissedCallRecorded
  | ReportedToCsManager
  | NextShiftCalledInEarly
  | SupportStaffDeployed
  | FaultResolved
  | TaskBackfilled
  | MissedCallCalledBack
  | DeferredRequestsProcessed
  | EmergencyClosed
  | TicketLinked
  | TicketUnlinked;

export type CentreEmergencyEventType = CentreEmergencyEvent['type'];
