import type { TableState } from '../shared';
import type {
  HandlingPlanAuthor,
  NotifiedParty,
  RecordingReference,
  RepeatCallContactOutcome,
} from './repeat-caller.events';
import type { LinkedCall } from './repeat-caller.rules';
import type { RepeatCallSubject } from './repeat-caller.subjects';
import type { RepeatCallerStatus } from './repeat-caller.states';

/** A call ticket, and the escalation it may become, as folded. */
export interface RepeatCallerState extends TableState<RepeatCallerStatus> {
  ticketNumber?: string;
  memberId?: string;
  /** What repeats match on; never the phone itself. */
  callerKeys?: string[];
  subject?: RepeatCallSubject;
  issue?: string;
  promisedTimeframe?: string;
  calledAt?: string;
  /** How the agent settled a call that did not escalate. */
  resolution?: string;
  /** The earlier calls linked to this one (empty: a plain call record). */
  linkedCalls: LinkedCall[];
  /** The ids of `linkedCalls`, for the read model's look-ups. */
  linkedTicketIds: string[];
  /** This call and the linked ones. */
  callCount: number;
  /** The threshold the link was decided on; an unlink is judged by it. */
  linkThreshold?: number;
  recordings?: RecordingReference[];
  findings?: string;
  incidentSummary?: string;
  externalComplaint?: boolean;
  mediaExposure?: boolean;
  plans: Partial<Record<HandlingPlanAuthor, string>>;
  sentBackCount: number;
  lastContactOutcome?: RepeatCallContactOutcome;
  followUps: number;
  notified?: NotifiedParty[];
}

export const initialRepeatCallerState: RepeatCallerState = {
  status: 'NEW',
  linkedCalls: [],
  linkedTicketIds: [],
  callCount: 0,
  plans: {},
  sentBackCount: 0,
  followUps: 0,
};

/** External complaints and media exposure also go to HQ PR (box 8). */
export function needsPrPlan(state: RepeatCallerState): boolean {
  return state.externalComplaint === true || state.mediaExposure === true;
}

/** The plans the GM reviews: the operations head's, and PR's if needed. */
export function requiredPlanAuthors(
  state: RepeatCallerState,
): HandlingPlanAuthor[] {
  return needsPrPlan(state)
    ? ['subsidiary-ops-head', 'hq-pr-manager']
    : ['subsidiary-ops-head'];
}
