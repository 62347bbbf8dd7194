import type { DomainCommand, Fen } from '../shared';
import type {
  ViolationContactOutcome,
  ViolationMaterial,
  ViolationRecord,
} from './traffic-violation.events';

type C<T extends string, P extends object> = DomainCommand<T, P>;

/** 4.1 (the ticket number is filled in). */
export type EnterViolation = C<
  'EnterViolation',
  {
    ticketNumber: string;
    memberId: string;
    phone: string;
    email?: string;
    violation: ViolationRecord;
    /** Needed, and only allowed to a lead, off Monday and Thursday. */
    overrideReason?: string;
  }
>;
/**
 * The timer: the step that is due now, if any. `step` names the one the
 * timer was set for, so a stale timer does nothing.
 */
export type RunDueViolationStep = C<'RunDueViolationStep', { step?: string }>;
export type RouteCallerToOnline = C<'RouteCallerToOnline', { note?: string }>;
export type RecordMaterialsEmailed = C<
  'RecordMaterialsEmailed',
  { email: string; materials: ViolationMaterial[] }
>;
type Call = { contactOutcome: ViolationContactOutcome; note?: string };
export type RecordReminderCall = C<'RecordReminderCall', Call>;
export type RecordWarningCall = C<'RecordWarningCall', Call>;
export type RecordRiskControlCall = C<'RecordRiskControlCall', Call>;
export type StartInPersonCollection = C<
  'StartInPersonCollection',
  { reason: string }
>;
export type RecordCollectionResult = C<
  'RecordCollectionResult',
  { collected: boolean; amountFen?: Fen; note?: string }
>;
export type RequestDepositDeduction = C<
  'RequestDepositDeduction',
  Record<string, never>
>;
export type RecordDepositDeducted = C<
  'RecordDepositDeducted',
  { amountFen: Fen }
>;
export type HandOffToReceivables = C<
  'HandOffToReceivables',
  { result: string; receivableCaseId: string }
>;
export type RecordViolationHandled = C<
  'RecordViolationHandled',
  { evidence: string }
>;

export type TrafficViolationCommand =
  | EnterViolation
  | RunDueViolationStep
  | RouteCallerToOnline
  | RecordMaterialsEmailed
  | RecordReminderCall
  | RecordWarningCall
  | RecordRiskControlCall
  | StartInPersonCollection
  | RecordCollectionResult
  | RequestDepositDeduction
  | RecordDepositDeducted
  | HandOffToReceivables
  | RecordViolationHandled;

export type TrafficViolationCommandType = TrafficViolationCommand['type'];

const COMMAND_TYPES: Record<TrafficViolationCommandType, true> = {
  EnterViolation: true,
  RunDueViolationStep: true,
  RouteCallerToOnline: true,
  RecordMaterialsEmailed: true,
  RecordReminderCall: true,
  RecordWarningCall: true,
  RecordRiskControlCall: true,
  StartInPersonCollection: true,
  RecordCollectionResult: true,
  RequestDepositDeduction: true,
  RecordDepositDeducted: true,
  HandOffToReceivables: true,
  RecordViolationHandled: true,
};

export const TRAFFIC_VIOLATION_COMMAND_TYPES = Object.keys(
  COMMAND_TYPES,
) as TrafficViolationCommandType[];
