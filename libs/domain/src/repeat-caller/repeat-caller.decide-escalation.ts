import { isNonBlankString, isRecord, type DecisionContext } from '../shared';
import type {
  CallBackWithPlan,
  ClassifyIncident,
  DraftHandlingPlan,
  NotifyResult,
  RecordFollowUp,
  ReportIncident,
  ReviewHandlingPlan,
  ReviewRecordings,
} from './repeat-caller.commands';
import {
  NotifiedPartiesMissingError,
  RecordingsIncompleteError,
} from './repeat-caller.errors';
import { repeatCallerEvent as event } from './repeat-caller.event-factory';
import type {
  HandlingPlanAuthor,
  NotifiedParty,
  RepeatCallerEvent,
} from './repeat-caller.events';
import { payloadChecks } from './repeat-caller.payload-checks';
import {
  requiredPlanAuthors,
  type RepeatCallerState,
} from './repeat-caller.state';

// The escalation, boxes 5–10: the manager, the plans, the call-back.

const CONTACT_OUTCOMES = ['reached', 'unreachable'] as const;
const NOTIFIED_PARTIES: readonly NotifiedParty[] = [
  'subsidiary-ops-head',
  'hq-pr-manager',
  'subsidiary-gm',
  'cs-phone-agent',
];

/** Box 5: one recording for each call of the group, no other. */
export function decideReviewRecordings(
  command: ReviewRecordings,
  state: RepeatCallerState,
): RepeatCallerEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    const recordings = p.recordings;
    const wellFormed =
      Array.isArray(recordings) &&
      recordings.length > 0 &&
      recordings.every(
        (r) =>
          isRecord(r) &&
          isNonBlankString(r.ticketId) &&
          isNonBlankString(r.recordingRef),
      );
    if (!wellFormed) {
      checks.fail(
        'payload.recordings',
        'must list { ticketId, recordingRef } for each related call',
      );
    }
    checks.nonBlank('payload.findings', p.findings);
  }
  checks.throwIfAny(command.type);

  const { recordings, findings } = command.payload;
  const group = [command.ticketId, ...state.linkedTicketIds];
  const covered = new Set(recordings.map((r) => r.ticketId));
  const missing = group.filter((id) => !covered.has(id));
  const unrelated = [...covered].filter((id) => !group.includes(id));
  if (missing.length > 0 || unrelated.length > 0) {
    throw new RecordingsIncompleteError(command.ticketId, missing, unrelated);
  }
  return [
    event('repeat-caller.recordings-reviewed', {
      recordings: recordings.map(({ ticketId, recordingRef }) => ({
        ticketId,
        recordingRef,
      })),
      findings,
    }),
  ];
}

/** Boxes 6–7: the incident template, to the subsidiary's operations head. */
export function decideReportIncident(
  command: ReportIncident,
): RepeatCallerEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p && checks.record('payload.template', p.template)) {
    const t = p.template;
    checks.nonBlank('payload.template.summary', t.summary);
    checks.nonBlank('payload.template.userDemand', t.userDemand);
    checks.nonBlank('payload.template.impact', t.impact);
    checks.optionalString('payload.template.actionsSoFar', t.actionsSoFar);
  }
  checks.throwIfAny(command.type);

  const { summary, userDemand, impact, actionsSoFar } =
    command.payload.template;
  return [
    event('repeat-caller.incident-reported', {
      template:
        actionsSoFar === undefined
          ? { summary, userDemand, impact }
          : { summary, userDemand, impact, actionsSoFar },
      to: 'subsidiary-ops-head',
    }),
  ];
}

/** Box 8. */
export function decideClassify(command: ClassifyIncident): RepeatCallerEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.boolean('payload.externalComplaint', p.externalComplaint);
    checks.boolean('payload.mediaExposure', p.mediaExposure);
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);

  const { externalComplaint, mediaExposure, note } = command.payload;
  return [
    event('repeat-caller.incident-classified', {
      externalComplaint,
      mediaExposure,
      note,
    }),
  ];
}

/** Box 13: the table has let only the two drafting lanes through. */
export function decideDraft(
  command: DraftHandlingPlan,
  context: DecisionContext,
): RepeatCallerEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.nonBlank('payload.plan', p.plan);
  checks.throwIfAny(command.type);

  return [
    event('repeat-caller.handling-plan-drafted', {
      author: context.actor.role as HandlingPlanAuthor,
      plan: command.payload.plan,
    }),
  ];
}

/** Box 14: approve the plan(s), or send every plan back. */
export function decideReviewPlan(
  command: ReviewHandlingPlan,
  state: RepeatCallerState,
): RepeatCallerEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p && checks.boolean('payload.approved', p.approved)) {
    if (p.approved) checks.optionalString('payload.comments', p.comments);
    else checks.nonBlank('payload.reason', p.reason);
  }
  checks.throwIfAny(command.type);

  const payload = command.payload;
  if (payload.approved) {
    return [
      event('repeat-caller.handling-plans-approved', {
        comments: payload.comments,
      }),
    ];
  }
  return [
    event('repeat-caller.handling-plans-sent-back', {
      reason: payload.reason,
      redraftBy: requiredPlanAuthors(state),
    }),
  ];
}

/** Box 9: the call-back with the plan. */
export function decideCallBack(command: CallBackWithPlan): RepeatCallerEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.oneOf('payload.contactOutcome', p.contactOutcome, CONTACT_OUTCOMES);
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);

  const { contactOutcome, note } = command.payload;
  return [
    event('repeat-caller.user-called-back-with-plan', { contactOutcome, note }),
  ];
}

/** Box 9: "跟进解决", as often as it takes. */
export function decideFollowUp(command: RecordFollowUp): RepeatCallerEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.boolean('payload.resolved', p.resolved);
    checks.nonBlank('payload.note', p.note);
  }
  checks.throwIfAny(command.type);

  const { resolved, note } = command.payload;
  return [event('repeat-caller.follow-up-recorded', { resolved, note })];
}

/** Box 10: everyone who drafted a plan hears how it ended. */
export function decideNotify(
  command: NotifyResult,
  state: RepeatCallerState,
): RepeatCallerEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    const notified = p.notified;
    const valid =
      Array.isArray(notified) &&
      notified.length > 0 &&
      notified.every((n) => NOTIFIED_PARTIES.includes(n as NotifiedParty));
    if (!valid) {
      checks.fail(
        'payload.notified',
        `must list one or more of: ${NOTIFIED_PARTIES.join(', ')}`,
      );
    }
    checks.nonBlank('payload.summary', p.summary);
  }
  checks.throwIfAny(command.type);

  const notified = [...new Set(command.payload.notified)];
  const authors = Object.keys(state.plans) as HandlingPlanAuthor[];
  const missing = authors.filter((a) => !notified.includes(a));
  if (missing.length > 0) {
    throw new NotifiedPartiesMissingError(command.ticketId, missing);
  }
  return [
    event('repeat-caller.result-notified', {
      notified,
      summary: command.payload.summary,
    }),
  ];
}
