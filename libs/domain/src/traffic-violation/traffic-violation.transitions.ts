import { sameInEach, type TableRule } from '../shared';
import type { TrafficViolationCommandType } from './traffic-violation.commands';
import type { TrafficViolationEventType } from './traffic-violation.events';
import type { TrafficViolationStatus } from './traffic-violation.states';

type S = TrafficViolationStatus;
type Ev = TrafficViolationEventType;
export type TrafficViolationRule = TableRule<
  TrafficViolationCommandType,
  Ev,
  S
>;

/** A case still running, before finance is asked to deduct. */
export const VIOLATION_ACTIVE: readonly S[] = [
  'NOTIFYING',
  'REMINDER_DUE',
  'UNPUSHED_AT_ONLINE',
  'AWAITING_USER',
  'WARNING_DUE',
  'WARNED',
  'RISK_CALL_DUE',
  'FINAL_NOTICE',
  'DEDUCTION_DUE',
  'IN_PERSON_COLLECTION',
];

function timer(from: readonly S[], event: Ev, to: S): TrafficViolationRule[] {
  return from.map((state) => ({
    command: 'RunDueViolationStep',
    from: state,
    roles: ['system'],
    outcomes: [{ events: [event], to }],
  }));
}

function rule(
  command: TrafficViolationCommandType,
  from: S,
  roles: TrafficViolationRule['roles'],
  outcomes: TrafficViolationRule['outcomes'],
): TrafficViolationRule {
  return { command, from, roles, outcomes };
}

/**
 * Which role may issue which command in which state, and what it appends.
 * The timer (`system`) moves the case from one day's step to the next; a
 * person's step it skipped shows as a deviation in the audit tool.
 */
export const TRAFFIC_VIOLATION_TRANSITIONS: readonly TrafficViolationRule[] = [
  // TODO(#10): the automatic import (4.2 note 1) and the centre's tasks to
  // out-of-town subsidiaries (note 2) are not modelled; every case is
  // entered by a specialist.
  rule(
    'EnterViolation',
    'NEW',
    ['subsidiary-violation-specialist'],
    [{ events: ['traffic-violation.violation-entered'], to: 'NOTIFYING' }],
  ),
  // Days 0–2: an SMS a day; day 3: on to the reminder, or to waiting.
  rule(
    'RunDueViolationStep',
    'NOTIFYING',
    ['system'],
    [
      { events: ['traffic-violation.sms-sent'], to: 'NOTIFYING' },
      { events: ['traffic-violation.first-days-ended'], to: 'REMINDER_DUE' },
      { events: ['traffic-violation.first-days-ended'], to: 'AWAITING_USER' },
    ],
  ),
  ...timer(
    ['REMINDER_DUE', 'UNPUSHED_AT_ONLINE', 'AWAITING_USER'],
    'traffic-violation.warning-call-due',
    'WARNING_DUE',
  ),
  ...timer(
    ['WARNING_DUE', 'WARNED'],
    'traffic-violation.risk-call-due',
    'RISK_CALL_DUE',
  ),
  ...timer(
    ['FINAL_NOTICE'],
    'traffic-violation.deduction-due',
    'DEDUCTION_DUE',
  ),
  ...sameInEach<TrafficViolationCommandType, Ev, S>(
    'RouteCallerToOnline',
    VIOLATION_ACTIVE,
    ['cs-phone-agent'],
    ['traffic-violation.caller-routed-to-online'],
  ),
  rule(
    'RecordMaterialsEmailed',
    'NOTIFYING',
    ['cs-online-agent'],
    [{ events: ['traffic-violation.materials-emailed'], to: 'NOTIFYING' }],
  ),
  ...(['REMINDER_DUE', 'UNPUSHED_AT_ONLINE'] as const).map((from) =>
    rule(
      'RecordMaterialsEmailed',
      from,
      ['cs-online-agent'],
      [
        {
          events: ['traffic-violation.materials-emailed'],
          to: 'AWAITING_USER',
        },
      ],
    ),
  ),
  rule(
    'RecordReminderCall',
    'REMINDER_DUE',
    ['cs-violation-reminder-specialist'],
    [
      {
        events: [
          'traffic-violation.reminder-call-made',
          'traffic-violation.unpushed-list-handed-to-online',
        ],
        to: 'UNPUSHED_AT_ONLINE',
      },
    ],
  ),
  rule(
    'RecordWarningCall',
    'WARNING_DUE',
    ['cs-violation-reminder-specialist'],
    [{ events: ['traffic-violation.warning-call-made'], to: 'WARNED' }],
  ),
  rule(
    'RecordRiskControlCall',
    'RISK_CALL_DUE',
    ['risk-control-manager'],
    [
      {
        events: ['traffic-violation.risk-control-call-made'],
        to: 'FINAL_NOTICE',
      },
    ],
  ),
  ...(['FINAL_NOTICE', 'DEDUCTION_DUE'] as const).map((from) =>
    rule(
      'StartInPersonCollection',
      from,
      ['risk-control-manager'],
      [
        {
          events: [
            'traffic-violation.severity-assessed',
            'traffic-violation.in-person-collection-started',
          ],
          to: 'IN_PERSON_COLLECTION',
        },
      ],
    ),
  ),
  rule(
    'RecordCollectionResult',
    'IN_PERSON_COLLECTION',
    ['risk-control-manager'],
    [
      {
        events: ['traffic-violation.collection-result-recorded'],
        to: 'CLOSED_BY_COLLECTION',
      },
      {
        events: ['traffic-violation.collection-result-recorded'],
        to: 'DEDUCTION_DUE',
      },
    ],
  ),
  rule(
    'RequestDepositDeduction',
    'DEDUCTION_DUE',
    ['risk-control-manager'],
    [
      {
        events: ['traffic-violation.deposit-deduction-requested'],
        to: 'AT_FINANCE',
      },
    ],
  ),
  rule(
    'RecordDepositDeducted',
    'AT_FINANCE',
    ['finance-manager'],
    [
      {
        events: [
          'traffic-violation.deposit-frozen',
          'traffic-violation.fine-deducted-as-penalty',
        ],
        to: 'DEDUCTED',
      },
    ],
  ),
  rule(
    'HandOffToReceivables',
    'DEDUCTED',
    ['risk-control-manager'],
    [
      {
        events: [
          'traffic-violation.result-notified-to-centre',
          'traffic-violation.handed-to-receivables',
        ],
        to: 'CLOSED_BY_DEDUCTION',
      },
    ],
  ),
  ...VIOLATION_ACTIVE.map((from) =>
    rule(
      'RecordViolationHandled',
      from,
      [
        'subsidiary-violation-specialist',
        'cs-online-agent',
        'risk-control-manager',
      ],
      [
        {
          events: ['traffic-violation.handled-by-user'],
          to: 'HANDLED_BY_USER',
        },
      ],
    ),
  ),
];
