import type { DomainEvent } from '../shared';
import type {
  EarlierCall,
  LinkedCall,
  RepeatCallRules,
} from './repeat-caller.rules';
import type { RepeatCallSubject } from './repeat-caller.subjects';

export type RepeatCallContactOutcome = 'reached' | 'unreachable';

/** The two lanes that draft a plan (box 13, twice). */
export type HandlingPlanAuthor = 'subsidiary-ops-head' | 'hq-pr-manager';

/** Who may be told the result (box 10, "相关"). */
export type NotifiedParty =
  'subsidiary-ops-head' | 'hq-pr-manager' | 'subsidiary-gm' | 'cs-phone-agent';

export interface RecordingReference {
  /** The call ticket the recording belongs to. */
  ticketId: string;
  /** Where the recording is kept in the telephony system. */
  recordingRef: string;
}

/** 事件上报模板: the fields of the incident report (box 7). */
export interface IncidentTemplate {
  summary: string;
  userDemand: string;
  impact: string;
  actionsSoFar?: string;
}

type E<T extends string, D extends object> = DomainEvent<
  `repeat-caller.${T}`,
  D
>;

/** Boxes 2–3: the call, the problem and the time frame promised. */
export type CallRecorded = E<
  'call-recorded',
  {
    ticketNumber: string;
    subsidiaryId?: string;
    caller: { phone?: string; name?: string };
    memberId?: string;
    /** Keyed hashes of the phone and member id: what repeats match on. */
    callerKeys: string[];
    subject: RepeatCallSubject;
    issue: string;
    promisedTimeframe: string;
    calledAt: string;
    /**
     * What the repeat check saw (the earlier calls looked up) and the
     * rules it applied, so the log explains a link, or its absence,
     * without looking anything up again.
     */
    decision: {
      inputs: { rules: RepeatCallRules; earlierCalls: EarlierCall[] };
    };
  }
>;
/** A plain call settled by the agent. */
export type CallClosed = E<'call-closed', { resolution: string }>;
/**
 * The system recognises the `threshold`-th call and links the earlier
 * ones to it, first in the append (before `call-recorded`) so that the
 * plain call's outcome is no prefix of this one. The rules in force are
 * kept so that a replay reads the decision.
 */
export type CallsLinked = E<
  'calls-linked',
  { linkedCalls: LinkedCall[]; callCount: number; rules: RepeatCallRules }
>;
/** Box 3 → 5: a repeat caller's sensitive issue goes to the manager. */
export type SensitiveIssueEscalated = E<
  'sensitive-issue-escalated',
  { to: 'cs-manager-outsourcer'; callCount: number }
>;
/**
 * A linked call taken out again; nothing is merged, so nothing is lost.
 * When too few calls remain, the same event withdraws the escalation: the
 * other links are released and the ticket is a plain call record again.
 */
export type CallsUnlinked = E<
  'calls-unlinked',
  {
    ticketIds: string[];
    reason: string;
    withdrawal?: {
      releasedTicketIds: string[];
      callCount: number;
      threshold: number;
    };
  }
>;
export type RecordingsReviewed = E<
  'recordings-reviewed',
  { recordings: RecordingReference[]; findings: string }
>;
export type IncidentReported = E<
  'incident-reported',
  { template: IncidentTemplate; to: 'subsidiary-ops-head' }
>;
export type IncidentClassified = E<
  'incident-classified',
  { externalComplaint: boolean; mediaExposure: boolean; note?: string }
>;
export type HandlingPlanDrafted = E<
  'handling-plan-drafted',
  { author: HandlingPlanAuthor; plan: string }
>;
export type HandlingPlansApproved = E<
  'handling-plans-approved',
  { comments?: string }
>;
/** Every plan goes back for a redraft. */
export type HandlingPlansSentBack = E<
  'handling-plans-sent-back',
  { reason: string; redraftBy: HandlingPlanAuthor[] }
>;
export type UserCalledBackWithPlan = E<
  'user-called-back-with-plan',
  { contactOutcome: RepeatCallContactOutcome; note?: string }
>;
export type FollowUpRecorded = E<
  'follow-up-recorded',
  { resolved: boolean; note: string }
>;
export type ResultNotified = E<
  'result-notified',
  { notified: NotifiedParty[]; summary: string }
>;

export type RepeatCallerEvent =
  | CallRecorded
  | CallClosed
  | CallsLinked
  | SensitiveIssueEscalated
  | CallsUnlinked
  | RecordingsReviewed
  | IncidentReported
  | IncidentClassified
  | HandlingPlanDrafted
  | HandlingPlansApproved
  | HandlingPlansSentBack
  | UserCalledBackWithPlan
  | FollowUpRecorded
  | ResultNotified;

export type RepeatCallerEventType = RepeatCallerEvent['type'];
