import type { DomainCommand, Fen } from '../shared';
import type { PartCounts } from '../repair-shop-book';

type C<T extends string, P extends object> = DomainCommand<T, P>;

/** G5: periodic maintenance and mechanical repair are booked; quick is not. */
export const REPAIR_KINDS = [
  'periodic-maintenance',
  'mechanical-repair',
  'quick-repair',
] as const;
export type RepairKind = (typeof REPAIR_KINDS)[number];

/** G5 §1: what the customer is asked to bring. */
export const BRING_ITEMS = ['maintenance-manual', 'repair-records'] as const;
export type BringItem = (typeof BRING_ITEMS)[number];

/** G2 §1–2: how a fleet request came in and how it is handled. */
export const FLEET_CHANNELS = ['email', 'phone', 'sms'] as const;
export const FLEET_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const PICKUP_METHODS = [
  'customer-collects',
  'shop-delivers',
  'fleet-collects',
] as const;

export interface FleetRequest {
  channel: (typeof FLEET_CHANNELS)[number];
  faultCategory: string;
  priority: (typeof FLEET_PRIORITIES)[number];
  technicianId: string;
  expectedCompletionAt: string;
  pickupMethod: (typeof PICKUP_METHODS)[number];
}

export interface VehicleFacts {
  plate: string;
  model: string;
}

export interface Customer {
  phone: string;
  name?: string;
}

/** The reservation the worker made in the shop's book (filled in). */
export interface PreparedReservation {
  reservationId: string;
  slotStart: string;
  slotEnd: string;
  partsReserved: PartCounts;
  partsToOrder: PartCounts;
}

/**
 * The last delivered repair order of the same vehicle in the same
 * subsidiary (filled in at reception), with its own warranty's end.
 */
export interface ComebackMatch {
  previousTicketId: string;
  previousTicketNumber: string | null;
  deliveredAt: string;
  /** Absent for a delivery recorded before warranties were kept here. */
  warrantyUntil?: string | null;
}

export interface RepairItem {
  code: string;
  description: string;
  labourFen: Fen;
  partsFen: Fen;
}

export type BookAppointment = C<
  'BookAppointment',
  {
    ticketNumber: string;
    shopCode: string;
    kind: RepairKind;
    vehicle: VehicleFacts;
    customer: Customer;
    symptoms: string;
    slotStart: string;
    bring: BringItem[];
    partsNeeded?: PartCounts;
    fleet?: FleetRequest;
    vehicleRepairTicketId?: string;
    reservation: PreparedReservation;
  }
>;
/** The timer, one hour before the appointment. */
export type RequestAppointmentConfirmation = C<
  'RequestAppointmentConfirmation',
  { bookingSeq: number }
>;
export type RecordConfirmation = C<
  'RecordConfirmation',
  { confirmed: boolean; note?: string }
>;
/** The timer, at the appointment: nobody confirmed. */
export type ExpireUnconfirmedAppointment = C<
  'ExpireUnconfirmedAppointment',
  { bookingSeq: number }
>;
/** The shop cannot keep the time: the customer is told in advance. */
export type ShopCannotKeepAppointment = C<
  'ShopCannotKeepAppointment',
  { reason: string; customerToldAt?: string }
>;
export type RebookAppointment = C<
  'RebookAppointment',
  { slotStart: string; reservation: PreparedReservation }
>;
/** G5 §2: without an appointment; the preliminary diagnosis comes first. */
export type RegisterWalkIn = C<
  'RegisterWalkIn',
  {
    ticketNumber: string;
    shopCode: string;
    kind: RepairKind;
    vehicle: VehicleFacts;
    customer: Customer;
    symptoms: string;
    preliminaryDiagnosis: string;
    vehicleRepairTicketId?: string;
    comeback: ComebackMatch | null;
  }
>;
export type ReceiveBookedVehicle = C<
  'ReceiveBookedVehicle',
  { mileageKm?: number; comeback: ComebackMatch | null }
>;
/** G6: 维修委托书 signed; basic, fault and history records; items agreed. */
export type SignRepairAuthorisation = C<
  'SignRepairAuthorisation',
  {
    signedBy: string;
    engineNumber: string;
    fault: { symptom: string; location: string; cause?: string };
    historyNote: string;
    items: RepairItem[];
    promisedAt: string;
  }
>;
export type IssueWorkOrder = C<
  'IssueWorkOrder',
  { technicianId: string; partsToOrder?: PartCounts }
>;
export type ReportRepairProgress = C<
  'ReportRepairProgress',
  { progress: string; customerTold: boolean }
>;
export type ProposeRepairChange = C<
  'ProposeRepairChange',
  { reason: string; addedItems: RepairItem[] }
>;
export type RecordChangeDecision = C<
  'RecordChangeDecision',
  { agreed: boolean; note?: string }
>;
export type CompleteSelfCheck = C<'CompleteSelfCheck', { note: string }>;
export type RecordQualityInspection = C<
  'RecordQualityInspection',
  { passed: boolean; findings: string }
>;
export type SettleRepairCosts = C<
  'SettleRepairCosts',
  { partsFen: Fen; labourFen: Fen; otherFen: Fen; invoiceTitle: string }
>;
export type RaiseFeeDispute = C<
  'RaiseFeeDispute',
  { reason: string; disputedFen: Fen }
>;
export type ResolveFeeDispute = C<
  'ResolveFeeDispute',
  { resolution: string; agreedTotalFen: Fen }
>;
export type DeliverVehicle = C<
  'DeliverVehicle',
  { slipSignedBy: string; cleaned: boolean }
>;
export type RecordSatisfactionSurvey = C<
  'RecordSatisfactionSurvey',
  { score: number; comment?: string }
>;
export type ArchiveRepairOrder = C<'ArchiveRepairOrder', { note?: string }>;

export type RepairOrderCommand =
  | BookAppointment
  | RequestAppointmentConfirmation
  | RecordConfirmation
  | ExpireUnconfirmedAppointment
  | ShopCannotKeepAppointment
  | RebookAppointment
  | RegisterWalkIn
  | ReceiveBookedVehicle
  | SignRepairAuthorisation
  | IssueWorkOrder
  | ReportRepairProgress
  | ProposeRepairChange
  | RecordChangeDecision
  | CompleteSelfCheck
  | RecordQualityInspection
  | SettleRepairCosts
  | RaiseFeeDispute
  | ResolveFeeDispute
  | DeliverVehicle
  | RecordSatisfactionSurvey
  | ArchiveRepairOrder;

export type RepairOrderCommandType = RepairOrderCommand['type'];

const COMMAND_TYPES: Record<RepairOrderCommandType, true> = {
  BookAppointment: true,
  RequestAppointmentConfirmation: true,
  RecordConfirmation: true,
  ExpireUnconfirmedAppointment: true,
  ShopCannotKeepAppointment: true,
  RebookAppointment: true,
  RegisterWalkIn: true,
  ReceiveBookedVehicle: true,
  SignRepairAuthorisation: true,
  IssueWorkOrder: true,
  ReportRepairProgress: true,
  ProposeRepairChange: true,
  RecordChangeDecision: true,
  CompleteSelfCheck: true,
  RecordQualityInspection: true,
  SettleRepairCosts: true,
  RaiseFeeDispute: true,
  ResolveFeeDispute: true,
  DeliverVehicle: true,
  RecordSatisfactionSurvey: true,
  ArchiveRepairOrder: true,
};

export const REPAIR_ORDER_COMMAND_TYPES = Object.keys(
  COMMAND_TYPES,
) as RepairOrderCommandType[];
