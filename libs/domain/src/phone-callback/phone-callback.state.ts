import type { Priority } from '../deadlines/deadline-policy.types';
import type {
  AttemptOutcome,
  CallbackContact,
  CallbackOrigin,
  CallbackReason,
  SecondCaller,
} from './phone-callback.events';
import type { PhoneCallbackStatus } from './phone-callback.states';

/** 当天不同时间段(每通电话间隔半小时)三次 (P08 4.2, L450). */
export const CALLBACK_RULES = {
  maxAttempts: 3,
  minMinutesBetweenAttempts: 30,
} as const;

export interface CallAttempt {
  attemptNo: number;
  at: string;
  outcome: AttemptOutcome;
}

/** How the call-back ended for the ticket it reports on. */
export type CallbackOutcome =
  'satisfied' | 'unreached' | 'complaint' | 'dissatisfied' | 'not-needed';

export interface PhoneCallbackState {
  status: PhoneCallbackStatus;
  ticketNumber?: string;
  reason?: CallbackReason;
  contact?: CallbackContact;
  subject?: string;
  origin?: CallbackOrigin;
  attempts: CallAttempt[];
  escalatedTo?: SecondCaller;
  outcome?: CallbackOutcome;
  /** Absent means normal; a deadline breach may raise it. */
  priority?: Priority;
  subsidiaryId?: string;
}

export const initialPhoneCallbackState: PhoneCallbackState = {
  status: 'NEW',
  attempts: [],
};
