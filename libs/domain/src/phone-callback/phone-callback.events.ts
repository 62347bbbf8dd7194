import type {
  DeadlineBreached,
  DeadlineWarned,
} from '../deadlines/deadline-events';
import type { DomainEvent } from '../shared';

/** Why the centre calls back (P08 2.1–2.4; G-c for a station-fault result). */
export type CallbackReason =
  | 'result-notification'
  | 'user-requested'
  | 'silent-or-no-response'
  | 'poor-audio'
  | 'agent-promised';

export const CALLBACK_REASONS: readonly CallbackReason[] = [
  'result-notification',
  'user-requested',
  'silent-or-no-response',
  'poor-audio',
  'agent-promised',
];

/** `not-convenient`: answered, but the user asked to be called later. */
export type AttemptOutcome = 'answered' | 'no-answer' | 'not-convenient';

export interface CallbackContact {
  name?: string;
  phone: string;
}

/** The ticket a call-back reports on, when it has one. */
export interface CallbackOrigin {
  processId: string;
  ticketId: string;
  ticketNumber?: string;
}

/** Who makes the second call (P08 3.2). */
export type SecondCaller = 'cs-shift-leader' | 'cs-supervisor';

type E<T extends string, D extends object> = DomainEvent<
  `phone-callback.${T}`,
  D
>;

export type CallbackOpened = E<
  'opened',
  {
    ticketNumber: string;
    reason: CallbackReason;
    contact: CallbackContact;
    /** What the call is to tell or ask. */
    subject: string;
    origin?: CallbackOrigin;
    /** The subsidiary (子公司) the call-back belongs to; absent: headquarters. */
    subsidiaryId?: string;
  }
>;
/** 4.1: the user's information checked before calling. */
export type CallbackPrepared = E<'prepared', { note?: string }>;
/**
 * 4.2: one call; attempts are numbered from 1. The third unanswered one
 * also sends the user to the shift leader (`unreachedReported`), in the
 * same event, so that no reading of the log has to guess what follows it.
 */
export type CallAttemptRecorded = E<
  'attempt-recorded',
  {
    attemptNo: number;
    at: string;
    outcome: AttemptOutcome;
    note?: string;
    unreachedReported?: true;
  }
>;
/** 4.2: the agent sends the unreached user on before the third call. */
export type UnreachedReported = E<
  'unreached-reported',
  { attempts: number; reportedAt: string; note?: string }
>;
/** 4.5: the user is satisfied; the call-back is done. */
export type CallbackClosedSatisfied = E<'closed-satisfied', { note?: string }>;
/** 4.6: the user doubts the result; a leader will call again. */
export type CallbackEscalated = E<
  'escalated',
  { to: SecondCaller; doubts: string }
>;
/** 4.6: the shift leader's or supervisor's second call. */
export type SecondCallMade = E<
  'second-call-made',
  { userSatisfied: boolean; note?: string }
>;
/** 4.6: 《客服投诉处理流程》 triggered. */
export type ComplaintOpened = E<
  'complaint-opened',
  { note: string; complaintRef?: string }
>;
/** The leader closes without a complaint; the user stays dissatisfied. */
export type CallbackClosedDissatisfied = E<
  'closed-dissatisfied',
  { note: string }
>;
/** The shift leader's handling of an unreached user (a gap in P08). */
export type UnreachedClosed = E<'unreached-closed', { note: string }>;
/** Not needed any more, e.g. the reporter was told directly. */
export type CallbackCancelled = E<
  'cancelled',
  { reason: 'reporter-informed-directly' | 'other'; note?: string }
>;

export type PhoneCallbackEvent =
  | CallbackOpened
  | CallbackPrepared
  | CallAttemptRecorded
  | UnreachedReported
  | CallbackClosedSatisfied
  | CallbackEscalated
  | SecondCallMade
  | ComplaintOpened
  | CallbackClosedDissatisfied
  | UnreachedClosed
  | CallbackCancelled
  | DeadlineWarned<'phone-callback'>
  | DeadlineBreached<'phone-callback'>;

export type PhoneCallbackEventType = PhoneCallbackEvent['type'];
