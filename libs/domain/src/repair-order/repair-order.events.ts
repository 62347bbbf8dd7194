import type { DomainEvent, Fen } from '../shared';
import type { PartCounts } from '../repair-shop-book';
import type {
  BringItem,
  Customer,
  FleetRequest,
  RepairItem,
  RepairKind,
  VehicleFacts,
} from './repair-order.commands';

type E<T extends string, D extends object> = DomainEvent<
  `repair-order.${T}`,
  D
>;

/** One booking of the shop's book; a rebooking is the next `bookingSeq`. */
export interface Appointment {
  bookingSeq: number;
  reservationId: string;
  slotStart: string;
  slotEnd: string;
  partsReserved: PartCounts;
  partsToOrder: PartCounts;
}

/** G5 §1: entered in the appointment register (预约登记簿). */
export type AppointmentBooked = E<
  'appointment-booked',
  {
    ticketNumber: string;
    subsidiaryId?: string;
    shopCode: string;
    kind: RepairKind;
    vehicle: VehicleFacts;
    customer: Customer;
    symptoms: string;
    bring: BringItem[];
    appointment: Appointment;
    vehicleRepairTicketId?: string;
  }
>;
/** G2 §2: technician by fault category and priority; the user told. */
export type FleetRequestScheduled = E<'fleet-request-scheduled', FleetRequest>;
/** G5 §1: one hour before, the customer is asked to confirm. */
export type ConfirmationRequested = E<
  'confirmation-requested',
  { bookingSeq: number; appointmentAt: string }
>;
export type AppointmentConfirmed = E<
  'appointment-confirmed',
  { bookingSeq: number; note?: string }
>;
export type AppointmentDeclined = E<
  'appointment-declined',
  { bookingSeq: number; note?: string }
>;
/** Nobody confirmed by the appointment time: the slot goes back. */
export type ConfirmationMissed = E<
  'confirmation-missed',
  { bookingSeq: number; appointmentAt: string }
>;
/** The shop told the customer in advance that it cannot keep the time. */
export type ShopCouldNotKeepAppointment = E<
  'shop-could-not-keep-appointment',
  { bookingSeq: number; reason: string; customerToldAt: string }
>;
export type AppointmentRebooked = E<
  'appointment-rebooked',
  { appointment: Appointment }
>;
/** G5 §2: no appointment; listened, asked, pre-diagnosed. */
export type WalkInRegistered = E<
  'walk-in-registered',
  {
    ticketNumber: string;
    subsidiaryId?: string;
    shopCode: string;
    kind: RepairKind;
    vehicle: VehicleFacts;
    customer: Customer;
    symptoms: string;
    preliminaryDiagnosis: string;
    vehicleRepairTicketId?: string;
  }
>;
/** Received by a receptionist, or by the quick-repair team directly. */
export type VehicleReceived = E<
  'vehicle-received',
  {
    receivedAt: string;
    by: 'repair-shop-receptionist' | 'repair-quick-team';
    withAppointment: boolean;
    mileageKm?: number;
  }
>;
/** G5 §2: a repair of the same vehicle delivered within N days (返修). */
export type ComebackFlagged = E<
  'comeback-flagged',
  {
    previousTicketId: string;
    previousTicketNumber: string | null;
    deliveredAt: string;
    daysSinceDelivery: number;
    /** Still inside the earlier repair's warranty period. */
    withinWarranty: boolean;
  }
>;
/** G6: basic, fault and history records (基本/故障/维修历史信息登记). */
export type VehicleRecordsRegistered = E<
  'vehicle-records-registered',
  {
    engineNumber: string;
    fault: { symptom: string; location: string; cause?: string };
    historyNote: string;
  }
>;
/** G6: 维修委托书 signed; items, cost and period confirmed. */
export type RepairAuthorisationSigned = E<
  'repair-authorisation-signed',
  {
    signedBy: string;
    signedAt: string;
    items: RepairItem[];
    estimateFen: Fen;
    promisedAt: string;
  }
>;
/** G7/G8 §3: 派工单, with its items and the parts reserved or ordered. */
export type WorkOrderIssued = E<
  'work-order-issued',
  {
    workOrderNumber: string;
    technicianId: string;
    issuedAt: string;
    /** The agreed items (absent from work orders issued before they were listed). */
    items?: RepairItem[];
    /** Held for the visit in the shop's book at booking (none for a walk-in). */
    partsReserved?: PartCounts;
    partsToOrder: PartCounts;
  }
>;
export type RepairProgressReported = E<
  'repair-progress-reported',
  { progress: string; customerTold: boolean }
>;
export type RepairChangeProposed = E<
  'repair-change-proposed',
  { reason: string; addedItems: RepairItem[]; addedFen: Fen }
>;
export type RepairChangeAgreed = E<
  'repair-change-agreed',
  { addedItems: RepairItem[]; addedFen: Fen; note?: string }
>;
export type RepairChangeDeclined = E<
  'repair-change-declined',
  { note?: string }
>;
/** G7 6.1.1: the technician's full self-check. */
export type SelfCheckCompleted = E<
  'self-check-completed',
  { note: string; at: string }
>;
export type QualityInspectionPassed = E<
  'quality-inspection-passed',
  { findings: string; at: string }
>;
/** A failed inspection goes back to repair. */
export type QualityInspectionFailed = E<
  'quality-inspection-failed',
  { findings: string; at: string }
>;
/** G8 §7: a fee dispute is its own branch. */
export type FeeDisputeRaised = E<
  'fee-dispute-raised',
  { reason: string; disputedFen: Fen }
>;
export type FeeDisputeResolved = E<
  'fee-dispute-resolved',
  { resolution: string; agreedTotalFen: Fen }
>;
/** G2 §5 / G8 §7: the cost list checked and settled. */
export type RepairCostsSettled = E<
  'repair-costs-settled',
  {
    partsFen: Fen;
    labourFen: Fen;
    otherFen: Fen;
    totalFen: Fen;
    settledAt: string;
  }
>;
export type RepairInvoiceIssued = E<
  'repair-invoice-issued',
  { invoiceNo: string; invoiceTitle: string; totalFen: Fen }
>;
/** G2 §4: the customer signs the repair slip (修理单). */
export type RepairSlipSigned = E<'repair-slip-signed', { signedBy: string }>;
/** G8 §6: cleaned and handed over; the warranty runs from here. */
export type VehicleDelivered = E<
  'vehicle-delivered',
  { deliveredAt: string; cleaned: boolean; warrantyUntil: string }
>;
export type SatisfactionSurveyed = E<
  'satisfaction-surveyed',
  { score: number; comment?: string }
>;
/** G2 §5 / G8 §8: the whole repair archived as a record. */
export type RepairOrderArchived = E<
  'repair-order-archived',
  {
    archivedAt: string;
    plate: string;
    comeback: boolean;
    stageMinutes: Record<string, number>;
    note?: string;
  }
>;

export type RepairOrderEvent =
  | AppointmentBooked
  | FleetRequestScheduled
  | ConfirmationRequested
  | AppointmentConfirmed
  | AppointmentDeclined
  | ConfirmationMissed
  | ShopCouldNotKeepAppointment
  | AppointmentRebooked
  | WalkInRegistered
  | VehicleReceived
  | ComebackFlagged
  | VehicleRecordsRegistered
  | RepairAuthorisationSigned
  | WorkOrderIssued
  | RepairProgressReported
  | RepairChangeProposed
  | RepairChangeAgreed
  | RepairChangeDeclined
  | SelfCheckCompleted
  | QualityInspectionPassed
  | QualityInspectionFailed
  | FeeDisputeRaised
  | FeeDisputeResolved
  | RepairCostsSettled
  | RepairInvoiceIssued
  | RepairSlipSigned
  | VehicleDelivered
  | SatisfactionSurveyed
  | RepairOrderArchived;

export type RepairOrderEventType = RepairOrderEvent['type'];
