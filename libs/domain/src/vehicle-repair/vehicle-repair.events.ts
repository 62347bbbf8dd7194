import type { DomainEvent, Fen } from '../shared';

/** Who pays the repair, and so who approves the quote (G2: a fleet). */
export type VehicleRepairPayer = 'member' | 'fleet';

/** G3 3: ordinary faults stay with the shop; the others escalate. */
export type VehicleRepairFaultClass = 'ordinary' | 'difficult' | 'major';

export type VehicleRepairContactOutcome = 'reached' | 'unreachable';

type E<T extends string, D extends object> = DomainEvent<
  `vehicle-repair.${T}`,
  D
>;

/** G1 1–2, G4 2.3 / 3.2: the driver's report, taken by phone. */
export type VehicleFaultReported = E<
  'reported',
  {
    ticketNumber: string;
    subsidiaryId?: string;
    memberId: string;
    plate: string;
    caller: { phone: string; name?: string };
    description: string;
    occurredAt: string;
    location: string;
    emergencyMeasures: string;
    canMove: boolean;
    payer: VehicleRepairPayer;
    fleetId?: string;
  }
>;
/** G1 3: the car cannot be driven; the shop sends a rescue vehicle. */
export type RescueDispatched = E<
  'rescue-dispatched',
  { rescueVehicle: string; expectedArrivalAt?: string; note?: string }
>;
/** G1 3: the rescue vehicle brought the car to the shop. */
export type VehicleTowedIn = E<'vehicle-towed-in', { note?: string }>;
/** G1 4: the receptionist records the vehicle. */
export type VehicleReceived = E<
  'vehicle-received',
  {
    model: string;
    plate: string;
    symptoms: string;
    usage: string;
    mileageKm?: number;
  }
>;
/** G1 5: the repair plan and the cost estimate. */
export type FaultDiagnosed = E<
  'diagnosed',
  {
    diagnosis: string;
    repairPlan: string;
    quoteFen: Fen;
    faultClass: VehicleRepairFaultClass;
  }
>;
/** G1 6: the quote goes to whoever pays. */
export type QuoteIssued = E<
  'quote-issued',
  { quoteFen: Fen; awaiting: VehicleRepairPayer }
>;
/** G3 3: a difficult or major fault goes to after-sales for support. */
export type EscalatedToAfterSales = E<
  'escalated-to-after-sales',
  {
    stage: 'diagnosis' | 'repair';
    faultClass: Exclude<VehicleRepairFaultClass, 'ordinary'>;
    reason: string;
  }
>;
/** G3 3: after-sales asks the assistant GM for support. */
export type EscalatedToAssistantGm = E<
  'escalated-to-assistant-gm',
  { reason: string }
>;
/** The support given; the case resumes where it was escalated from. */
export type EscalationResolved = E<
  'escalation-resolved',
  { guidance: string; resumes: 'quote' | 'repair' }
>;
/** G1 6: the payer agrees to the quote. */
export type QuoteApproved = E<
  'quote-approved',
  { approvedBy: VehicleRepairPayer; quoteFen: Fen; note?: string }
>;
/** Gap (G1 6): the payer refuses; the car goes back unrepaired. */
export type QuoteRefused = E<
  'quote-refused',
  { refusedBy: VehicleRepairPayer; reason: string }
>;
export type ReturnedUnrepaired = E<'returned-unrepaired', { note?: string }>;
/** G1 7 */
export type RepairCompleted = E<
  'repair-completed',
  { workDone: string; partsReplaced: string[] }
>;
/** G1 8 */
export type QualityCheckPassed = E<'quality-check-passed', { note?: string }>;
/** Gap (G1 8): the car goes back to the technician. */
export type QualityCheckFailed = E<
  'quality-check-failed',
  { findings: string }
>;
/** G1 8: the owner is told to collect the car. */
export type OwnerNotified = E<
  'owner-notified',
  { channel: 'phone' | 'sms' | 'app'; note?: string }
>;
/** G1 8–9: collected; the warranty period starts now. */
export type VehicleDelivered = E<
  'vehicle-delivered',
  {
    collectedBy: string;
    deliveredAt: string;
    warrantyDays: number;
    warrantyEndsAt: string;
  }
>;
/** G1 9: a fault within the warranty period reopens the repair. */
export type WarrantyClaimFiled = E<
  'warranty-claim-filed',
  { description: string }
>;
/** G1 9: the follow-up call found nothing to repair. */
export type WarrantyFollowUpDone = E<
  'warranty-follow-up-done',
  { contactOutcome: VehicleRepairContactOutcome; note?: string }
>;
/** G1 10: a score, or a member who gave none (the case closes anyway). */
export type SurveyRecorded = E<
  'survey-recorded',
  {
    answered: boolean;
    score?: number;
    channel: 'phone' | 'form' | 'online';
    comment?: string;
  }
>;
/** G3 6: after a major fault, the analysis report. */
export type AnalysisReported = E<
  'analysis-reported',
  { rootCause: string; report: string }
>;

export type VehicleRepairEvent =
  | VehicleFaultReported
  | RescueDispatched
  | VehicleTowedIn
  | VehicleReceived
  | FaultDiagnosed
  | QuoteIssued
  | EscalatedToAfterSales
  | EscalatedToAssistantGm
  | EscalationResolved
  | QuoteApproved
  | QuoteRefused
  | ReturnedUnrepaired
  | RepairCompleted
  | QualityCheckPassed
  | QualityCheckFailed
  | OwnerNotified
  | VehicleDelivered
  | WarrantyClaimFiled
  | WarrantyFollowUpDone
  | SurveyRecorded
  | AnalysisReported;

export type VehicleRepairEventType = VehicleRepairEvent['type'];
