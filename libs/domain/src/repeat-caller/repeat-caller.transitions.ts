import type { TableRule } from '../shared';
import type { RepeatCallerCommandType } from './repeat-caller.commands';
import type { RepeatCallerEventType } from './repeat-caller.events';
import type { RepeatCallerStatus } from './repeat-caller.states';

export type RepeatCallerRule = TableRule<
  RepeatCallerCommandType,
  RepeatCallerEventType,
  RepeatCallerStatus
>;

const RECORDED: RepeatCallerEventType = 'repeat-caller.call-recorded';
const PLAN: RepeatCallerEventType = 'repeat-caller.handling-plan-drafted';
const MANAGER = ['cs-manager-outsourcer'] as const;
const OPS_HEAD = ['subsidiary-ops-head'] as const;
const PR = ['hq-pr-manager'] as const;

/** The manager may take a linked call out again until the report goes. */
function unlinkIn(from: RepeatCallerStatus): RepeatCallerRule {
  return {
    command: 'UnlinkCall',
    from,
    roles: MANAGER,
    outcomes: [
      // Enough calls remain: still a repeat caller.
      { events: ['repeat-caller.calls-unlinked'], to: from },
      // Too few remain: the escalation is withdrawn, a plain call again.
      { events: ['repeat-caller.calls-unlinked'], to: 'CALL_RECORDED' },
    ],
  };
}

/**
 * Which role may issue which command in which state, and what it appends.
 * The decider, the permission check and the audit tool read this table.
 */
export const REPEAT_CALLER_TRANSITIONS: readonly RepeatCallerRule[] = [
  {
    // Boxes 2–3; the threshold-th call links the earlier ones (box 3 → 5).
    command: 'RecordCall',
    from: 'NEW',
    roles: ['cs-phone-agent'],
    outcomes: [
      { events: [RECORDED], to: 'CALL_RECORDED' },
      {
        events: [
          'repeat-caller.calls-linked',
          RECORDED,
          'repeat-caller.sensitive-issue-escalated',
        ],
        to: 'ESCALATED',
      },
    ],
  },
  {
    // A call that is no repeat is the agent's to settle in the time frame
    // promised; a later call may still count it.
    // TODO(#11): the time frame is free text (the manual gives no number);
    // a #6 deadline policy on CALL_RECORDED could hold the agent to it.
    command: 'CloseCall',
    from: 'CALL_RECORDED',
    roles: ['cs-phone-agent'],
    outcomes: [{ events: ['repeat-caller.call-closed'], to: 'CALL_CLOSED' }],
  },
  unlinkIn('ESCALATED'),
  unlinkIn('RECORDINGS_REVIEWED'),
  {
    command: 'ReviewRecordings',
    from: 'ESCALATED',
    roles: MANAGER,
    outcomes: [
      {
        events: ['repeat-caller.recordings-reviewed'],
        to: 'RECORDINGS_REVIEWED',
      },
    ],
  },
  {
    command: 'ReportIncident',
    from: 'RECORDINGS_REVIEWED',
    roles: MANAGER,
    outcomes: [
      { events: ['repeat-caller.incident-reported'], to: 'INCIDENT_REPORTED' },
    ],
  },
  {
    // Box 8: yes → AND-split (both plans); no → the operations plan alone.
    command: 'ClassifyIncident',
    from: 'INCIDENT_REPORTED',
    roles: OPS_HEAD,
    outcomes: [
      { events: ['repeat-caller.incident-classified'], to: 'AWAITING_PLANS' },
      {
        events: ['repeat-caller.incident-classified'],
        to: 'AWAITING_OPS_PLAN',
      },
    ],
  },
  // The AND-split: either lane may draft first; the join is PLAN_REVIEW.
  {
    command: 'DraftHandlingPlan',
    from: 'AWAITING_PLANS',
    roles: OPS_HEAD,
    outcomes: [{ events: [PLAN], to: 'AWAITING_PR_PLAN' }],
  },
  {
    command: 'DraftHandlingPlan',
    from: 'AWAITING_PLANS',
    roles: PR,
    outcomes: [{ events: [PLAN], to: 'AWAITING_OPS_PLAN' }],
  },
  {
    command: 'DraftHandlingPlan',
    from: 'AWAITING_OPS_PLAN',
    roles: OPS_HEAD,
    outcomes: [{ events: [PLAN], to: 'PLAN_REVIEW' }],
  },
  {
    command: 'DraftHandlingPlan',
    from: 'AWAITING_PR_PLAN',
    roles: PR,
    outcomes: [{ events: [PLAN], to: 'PLAN_REVIEW' }],
  },
  {
    // Box 14, for one plan or both; a rejection sends every plan back.
    command: 'ReviewHandlingPlan',
    from: 'PLAN_REVIEW',
    roles: ['subsidiary-gm'],
    outcomes: [
      {
        events: ['repeat-caller.handling-plans-approved'],
        to: 'PLAN_APPROVED',
      },
      {
        events: ['repeat-caller.handling-plans-sent-back'],
        to: 'AWAITING_PLANS',
      },
      {
        events: ['repeat-caller.handling-plans-sent-back'],
        to: 'AWAITING_OPS_PLAN',
      },
    ],
  },
  {
    // Box 9: the agent who promised the time frame calls back.
    command: 'CallBackWithPlan',
    from: 'PLAN_APPROVED',
    roles: ['cs-phone-agent'],
    outcomes: [
      {
        events: ['repeat-caller.user-called-back-with-plan'],
        to: 'FOLLOWING_UP',
      },
      // Not reached: the call-back is due again.
      {
        events: ['repeat-caller.user-called-back-with-plan'],
        to: 'PLAN_APPROVED',
      },
    ],
  },
  {
    command: 'RecordFollowUp',
    from: 'FOLLOWING_UP',
    roles: ['cs-phone-agent'],
    outcomes: [
      { events: ['repeat-caller.follow-up-recorded'], to: 'FOLLOWING_UP' },
      { events: ['repeat-caller.follow-up-recorded'], to: 'RESOLVED' },
    ],
  },
  {
    // Box 10 → 11.
    command: 'NotifyResult',
    from: 'RESOLVED',
    roles: MANAGER,
    outcomes: [{ events: ['repeat-caller.result-notified'], to: 'CLOSED' }],
  },
];
