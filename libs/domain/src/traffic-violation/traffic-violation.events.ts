import type { DomainEvent, Fen } from '../shared';
import type { ViolationSchedule } from './traffic-violation.schedule';

type E<T extends string, D extends object> = DomainEvent<
  `traffic-violation.${T}`,
  D
>;

export type ViolationContactOutcome = 'reached' | 'unreachable';

/** 违章材料 (4.4 note): what is e-mailed to the user. */
export const VIOLATION_MATERIALS = [
  /** 行驶证的电子版 */
  'vehicle-licence-scan',
  /** 违章处理告知单 */
  'violation-notice',
  /** 违章确认书 */
  'confirmation-form',
] as const;

export type ViolationMaterial = (typeof VIOLATION_MATERIALS)[number];

export interface ViolationRecord {
  plate: string;
  occurredAt: string;
  location: string;
  description: string;
  fineFen: Fen;
  points: number;
}

/** 4.1: a subsidiary's specialist entered the violation; day 0. */
export type ViolationEntered = E<
  'violation-entered',
  {
    ticketNumber: string;
    subsidiaryId?: string;
    memberId: string;
    phone: string;
    email?: string;
    violation: ViolationRecord;
    /** Set when a lead entered it on a day other than Monday or Thursday. */
    entryOverride?: { by: string; reason: string };
    schedule: ViolationSchedule;
  }
>;
/**
 * 4.2: one of the three daily SMS notices.
 * TODO(#10): no SMS gateway is connected; the event says it is sent.
 */
export type ViolationSmsSent = E<'sms-sent', { day: 0 | 1 | 2 }>;
/** 4.3: a phone agent guided the caller to online CS. */
export type CallerRoutedToOnline = E<
  'caller-routed-to-online',
  { note?: string }
>;
/** 4.4: materials e-mailed; a row of 《推送信息汇总清单》. */
export type ViolationMaterialsEmailed = E<
  'materials-emailed',
  { email: string; materials: ViolationMaterial[]; day: number }
>;
/** The first three days are over (timer). */
export type FirstDaysEnded = E<
  'first-days-ended',
  { materialsPushed: boolean }
>;
/** 4.5: the reminder specialist called a user without materials … */
export type ReminderCallMade = E<
  'reminder-call-made',
  { contactOutcome: ViolationContactOutcome; note?: string }
>;
/** 4.6: … and handed the unpushed list to online CS. */
export type UnpushedListHandedToOnline = E<
  'unpushed-list-handed-to-online',
  Record<string, never>
>;
/** Day 8 has come (timer). */
export type WarningCallDue = E<'warning-call-due', { day: number }>;
/** 3.4: the warning call. */
export type WarningCallMade = E<
  'warning-call-made',
  { contactOutcome: ViolationContactOutcome; note?: string }
>;
/** Day 12 (a working day) has come (timer). */
export type RiskCallDue = E<'risk-call-due', { day: number }>;
/** 3.5: risk control's call; the deposit goes three days later. */
export type RiskControlCallMade = E<
  'risk-control-call-made',
  {
    contactOutcome: ViolationContactOutcome;
    deductionDay: string;
    deductionDueAt: string;
    note?: string;
  }
>;
/** The three days after the call are over (timer). */
export type DeductionDue = E<'deduction-due', { day: number }>;
/** 3.5: the amount or the circumstances are severe (情况恶劣) … */
export type SeverityAssessed = E<
  'severity-assessed',
  { severe: true; reason: string }
>;
/** … so risk control collects in person (上门追讨). */
export type InPersonCollectionStarted = E<
  'in-person-collection-started',
  Record<string, never>
>;
export type CollectionResultRecorded = E<
  'collection-result-recorded',
  { collected: boolean; amountFen?: Fen; note?: string }
>;
/** 3.5: not handled: finance is asked to freeze and deduct. */
export type DepositDeductionRequested = E<
  'deposit-deduction-requested',
  { fineFen: Fen }
>;
export type DepositFrozen = E<'deposit-frozen', Record<string, never>>;
/** 以违约金形式扣除违章费用 */
export type FineDeductedAsPenalty = E<
  'fine-deducted-as-penalty',
  { amountFen: Fen }
>;
/** 3.5: the centre is told … */
export type ViolationResultNotified = E<
  'result-notified-to-centre',
  { result: string }
>;
/** … and 《应收账款防范及收缴流程》 takes the case over. */
export type HandedToReceivables = E<
  'handed-to-receivables',
  { receivableCaseId: string }
>;
/** The user dealt with the violation; every timer is moot. */
export type ViolationHandledByUser = E<'handled-by-user', { evidence: string }>;

export type TrafficViolationEvent =
  | ViolationEntered
  | ViolationSmsSent
  | CallerRoutedToOnline
  | ViolationMaterialsEmailed
  | FirstDaysEnded
  | ReminderCallMade
  | UnpushedListHandedToOnline
  | WarningCallDue
  | WarningCallMade
  | RiskCallDue
  | RiskControlCallMade
  | DeductionDue
  | SeverityAssessed
  | InPersonCollectionStarted
  | CollectionResultRecorded
  | DepositDeductionRequested
  | DepositFrozen
  | FineDeductedAsPenalty
  | ViolationResultNotified
  | HandedToReceivables
  | ViolationHandledByUser;

export type TrafficViolationEventType = TrafficViolationEvent['type'];
