import type {
  HandlingPlanAuthor,
  RepeatCallerEvent,
} from './repeat-caller.events';
import {
  requiredPlanAuthors,
  type RepeatCallerState,
} from './repeat-caller.state';
import type { RepeatCallerStatus } from './repeat-caller.states';

/** Where the plans stand: who still has to draft one, or the GM's turn. */
function planStatus(
  state: RepeatCallerState,
  plans: Partial<Record<HandlingPlanAuthor, string>>,
): RepeatCallerStatus {
  const missing = requiredPlanAuthors(state).filter((a) => !plans[a]);
  if (missing.length === 0) return 'PLAN_REVIEW';
  if (missing.length === 2) return 'AWAITING_PLANS';
  return missing[0] === 'subsidiary-ops-head'
    ? 'AWAITING_OPS_PLAN'
    : 'AWAITING_PR_PLAN';
}

/** The fold. Events are facts: nothing here refuses one. */
export function evolveRepeatCaller(
  state: RepeatCallerState,
  event: RepeatCallerEvent,
): RepeatCallerState {
  switch (event.type) {
    case 'repeat-caller.call-recorded': {
      const d = event.data;
      return {
        ...state,
        status: 'CALL_RECORDED',
        ticketNumber: d.ticketNumber,
        subsidiaryId: d.subsidiaryId,
        memberId: d.memberId,
        callerKeys: d.callerKeys,
        subject: d.subject,
        issue: d.issue,
        promisedTimeframe: d.promisedTimeframe,
        calledAt: d.calledAt,
        // Links recognised in the same append come just before.
        callCount: state.linkedCalls.length + 1,
      };
    }
    case 'repeat-caller.call-closed':
      return {
        ...state,
        status: 'CALL_CLOSED',
        resolution: event.data.resolution,
      };
    case 'repeat-caller.calls-linked':
      // Always followed by call-recorded and sensitive-issue-escalated.
      return {
        ...state,
        linkedCalls: event.data.linkedCalls,
        linkedTicketIds: event.data.linkedCalls.map((c) => c.ticketId),
        callCount: event.data.callCount,
        linkThreshold: event.data.rules.threshold,
      };
    case 'repeat-caller.sensitive-issue-escalated':
      return { ...state, status: 'ESCALATED' };
    case 'repeat-caller.calls-unlinked': {
      if (event.data.withdrawal) {
        // Back to the plain call record it was before the link.
        return {
          ...state,
          status: 'CALL_RECORDED',
          linkedCalls: [],
          linkedTicketIds: [],
          callCount: 1,
          linkThreshold: undefined,
          recordings: undefined,
          findings: undefined,
        };
      }
      const gone = new Set(event.data.ticketIds);
      const linkedCalls = state.linkedCalls.filter(
        (c) => !gone.has(c.ticketId),
      );
      return {
        ...state,
        linkedCalls,
        linkedTicketIds: linkedCalls.map((c) => c.ticketId),
        callCount: linkedCalls.length + 1,
        // The review stands for the calls that stay; the recording of a
        // call that is another matter is no longer one of "all related".
        recordings: state.recordings?.filter((r) => !gone.has(r.ticketId)),
      };
    }
    case 'repeat-caller.recordings-reviewed':
      return {
        ...state,
        status: 'RECORDINGS_REVIEWED',
        recordings: event.data.recordings,
        findings: event.data.findings,
      };
    case 'repeat-caller.incident-reported':
      return {
        ...state,
        status: 'INCIDENT_REPORTED',
        incidentSummary: event.data.template.summary,
      };
    case 'repeat-caller.incident-classified': {
      const classified = {
        ...state,
        externalComplaint: event.data.externalComplaint,
        mediaExposure: event.data.mediaExposure,
      };
      return { ...classified, status: planStatus(classified, state.plans) };
    }
    case 'repeat-caller.handling-plan-drafted': {
      const plans = { ...state.plans, [event.data.author]: event.data.plan };
      return { ...state, plans, status: planStatus(state, plans) };
    }
    case 'repeat-caller.handling-plans-approved':
      return { ...state, status: 'PLAN_APPROVED' };
    case 'repeat-caller.handling-plans-sent-back': {
      const plans = { ...state.plans };
      for (const author of event.data.redraftBy) delete plans[author];
      return {
        ...state,
        plans,
        sentBackCount: state.sentBackCount + 1,
        status: planStatus(state, plans),
      };
    }
    case 'repeat-caller.user-called-back-with-plan':
      return {
        ...state,
        lastContactOutcome: event.data.contactOutcome,
        status:
          event.data.contactOutcome === 'reached'
            ? 'FOLLOWING_UP'
            : state.status,
      };
    case 'repeat-caller.follow-up-recorded':
      return {
        ...state,
        followUps: state.followUps + 1,
        status: event.data.resolved ? 'RESOLVED' : state.status,
      };
    case 'repeat-caller.result-notified':
      return { ...state, status: 'CLOSED', notified: event.data.notified };
    default: {
      // Written by a newer release: refusing to fold beats guessing.
      const unknown: never = event;
      throw new Error(
        `Unknown repeat-caller event type: ${(unknown as { type: string }).type}`,
      );
    }
  }
}
