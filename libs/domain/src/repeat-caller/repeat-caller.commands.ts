import type { DomainCommand } from '../shared';
import type {
  IncidentTemplate,
  NotifiedParty,
  RecordingReference,
  RepeatCallContactOutcome,
} from './repeat-caller.events';
import type { EarlierCall } from './repeat-caller.rules';
import type { RepeatCallSubject } from './repeat-caller.subjects';

type C<T extends string, P extends object> = DomainCommand<T, P>;

/**
 * Boxes 2–3: the agent records the call and the time frame promised.
 * `ticketNumber`, `callerKeys` and `earlierCalls` are filled in before
 * the decision (a number, keyed hashes of the caller, a read-model
 * look-up); whatever a client sends for them is replaced.
 */
export type RecordCall = C<
  'RecordCall',
  {
    ticketNumber: string;
    caller: { phone?: string; name?: string };
    memberId?: string;
    subject: RepeatCallSubject;
    issue: string;
    promisedTimeframe: string;
    calledAt: string;
    callerKeys: string[];
    earlierCalls: EarlierCall[];
  }
>;
/** A call that did not escalate, settled within the time frame promised. */
export type CloseCall = C<'CloseCall', { resolution: string }>;
/** A linked call that is not the same matter after all (reversible link). */
export type UnlinkCall = C<
  'UnlinkCall',
  { linkedTicketId: string; reason: string }
>;
/** Box 5: every related recording pulled and listened to. */
export type ReviewRecordings = C<
  'ReviewRecordings',
  { recordings: RecordingReference[]; findings: string }
>;
/** Boxes 6–7: reported with the incident template. */
export type ReportIncident = C<
  'ReportIncident',
  { template: IncidentTemplate }
>;
/** Box 8: an external complaint or a media exposure? */
export type ClassifyIncident = C<
  'ClassifyIncident',
  { externalComplaint: boolean; mediaExposure: boolean; note?: string }
>;
/** Box 13: a handling plan, by the operations head or HQ PR. */
export type DraftHandlingPlan = C<'DraftHandlingPlan', { plan: string }>;
/** Box 14: the subsidiary's general manager reviews the plan(s). */
export type ReviewHandlingPlan = C<
  'ReviewHandlingPlan',
  { approved: true; comments?: string } | { approved: false; reason: string }
>;
/** Box 9: the caller is called back and told the plan. */
export type CallBackWithPlan = C<
  'CallBackWithPlan',
  { contactOutcome: RepeatCallContactOutcome; note?: string }
>;
/** Box 9: followed up until resolved. */
export type RecordFollowUp = C<
  'RecordFollowUp',
  { resolved: boolean; note: string }
>;
/** Box 10: the relevant people told the result; the end. */
export type NotifyResult = C<
  'NotifyResult',
  { notified: NotifiedParty[]; summary: string }
>;

export type RepeatCallerCommand =
  | RecordCall
  | CloseCall
  | UnlinkCall
  | ReviewRecordings
  | ReportIncident
  | ClassifyIncident
  | DraftHandlingPlan
  | ReviewHandlingPlan
  | CallBackWithPlan
  | RecordFollowUp
  | NotifyResult;

export type RepeatCallerCommandType = RepeatCallerCommand['type'];

// A record, so that a command added to the union and forgotten here
// fails to compile.
const COMMAND_TYPES: Record<RepeatCallerCommandType, true> = {
  RecordCall: true,
  CloseCall: true,
  UnlinkCall: true,
  ReviewRecordings: true,
  ReportIncident: true,
  ClassifyIncident: true,
  DraftHandlingPlan: true,
  ReviewHandlingPlan: true,
  CallBackWithPlan: true,
  RecordFollowUp: true,
  NotifyResult: true,
};

export const REPEAT_CALLER_COMMAND_TYPES = Object.keys(
  COMMAND_TYPES,
) as RepeatCallerCommandType[];
