import type { RecordDeadline } from '../deadlines/deadline-events';
import type { DomainCommand } from '../shared';
import type {
  AttemptOutcome,
  CallbackContact,
  CallbackOrigin,
  CallbackReason,
  SecondCaller,
} from './phone-callback.events';

type C<T extends string, P extends object> = DomainCommand<T, P>;

/** Opened by the centre's automation (G-c) or by an agent who promised a call. */
export type OpenCallback = C<
  'OpenCallback',
  {
    ticketNumber: string;
    reason: CallbackReason;
    contact: CallbackContact;
    subject: string;
    origin?: CallbackOrigin;
    subsidiaryId?: string;
  }
>;
/** 4.1 */
export type PrepareCallback = C<'PrepareCallback', { note?: string }>;
/** 4.2 / 4.3: one call, at the decision instant. */
export type RecordCallAttempt = C<
  'RecordCallAttempt',
  { outcome: AttemptOutcome; note?: string }
>;
/** 4.2: the agent sends the unreached user on before going off shift. */
export type ReportUnreached = C<'ReportUnreached', { note?: string }>;
/** 4.4–4.6: the result given; satisfied, or on to a leader. */
export type ConcludeCall = C<
  'ConcludeCall',
  | { userSatisfied: true; note?: string }
  | { userSatisfied: false; doubts: string; escalateTo?: SecondCaller }
>;
/** 4.6 */
export type RecordSecondCall = C<
  'RecordSecondCall',
  { userSatisfied: boolean; note?: string }
>;
/** 4.6 */
export type OpenComplaint = C<
  'OpenComplaint',
  { note: string; complaintRef?: string }
>;
export type CloseDissatisfied = C<'CloseDissatisfied', { note: string }>;
export type CloseUnreached = C<'CloseUnreached', { note: string }>;
export type CancelCallback = C<
  'CancelCallback',
  { reason: 'reporter-informed-directly' | 'other'; note?: string }
>;

export type PhoneCallbackCommand =
  | OpenCallback
  | PrepareCallback
  | RecordCallAttempt
  | ReportUnreached
  | ConcludeCall
  | RecordSecondCall
  | OpenComplaint
  | CloseDissatisfied
  | CloseUnreached
  | CancelCallback
  | RecordDeadline;

export type PhoneCallbackCommandType = PhoneCallbackCommand['type'];

// A record, so that a command added to the union and forgotten here fails
// to compile.
const COMMAND_TYPES: Record<PhoneCallbackCommandType, true> = {
  OpenCallback: true,
  PrepareCallback: true,
  RecordCallAttempt: true,
  ReportUnreached: true,
  ConcludeCall: true,
  RecordSecondCall: true,
  OpenComplaint: true,
  CloseDissatisfied: true,
  CloseUnreached: true,
  CancelCallback: true,
  RecordDeadline: true,
};

export const PHONE_CALLBACK_COMMAND_TYPES = Object.keys(
  COMMAND_TYPES,
) as PhoneCallbackCommandType[];

export function isPhoneCallbackCommandType(
  value: unknown,
): value is PhoneCallbackCommandType {
  return (
    typeof value === 'string' &&
    Object.prototype.hasOwnProperty.call(COMMAND_TYPES, value)
  );
}
