import {
  allowedCommandsByTable,
  nextEventTypesByTable,
  type RoleId,
  type TableRule,
} from '../shared';
import type { PhoneCallbackCommandType } from './phone-callback.commands';
import type { PhoneCallbackEventType } from './phone-callback.events';
import {
  PHONE_CALLBACK_STEPS,
  type PhoneCallbackStatus,
} from './phone-callback.states';

/** A command allowed in one state, who may issue it, and where it leads. */
export type PhoneCallbackTransition = TableRule<
  PhoneCallbackCommandType,
  PhoneCallbackEventType,
  PhoneCallbackStatus
>;

const AGENT: readonly RoleId[] = ['cs-phone-agent'];
const LEADERS: readonly RoleId[] = ['cs-shift-leader', 'cs-supervisor'];

const FIRST_CALL: PhoneCallbackTransition = {
  command: 'RecordCallAttempt',
  from: 'PREPARED',
  roles: AGENT,
  outcomes: [
    { events: ['phone-callback.attempt-recorded'], to: 'CONNECTED' },
    { events: ['phone-callback.attempt-recorded'], to: 'ATTEMPTING' },
  ],
};

const LATER_CALL: PhoneCallbackTransition = {
  ...FIRST_CALL,
  from: 'ATTEMPTING',
  outcomes: [
    ...FIRST_CALL.outcomes,
    // The third unanswered call hands the user to the shift leader.
    { events: ['phone-callback.attempt-recorded'], to: 'UNREACHED_REPORTED' },
  ],
};

function cancelFrom(from: PhoneCallbackStatus): PhoneCallbackTransition {
  return {
    command: 'CancelCallback',
    from,
    roles: AGENT,
    outcomes: [{ events: ['phone-callback.cancelled'], to: 'NOT_NEEDED' }],
  };
}

/**
 * The process's moves: the guard, the audit tool and the API read this
 * one table (`PROCESS_TRANSITIONS`).
 */
export const PHONE_CALLBACK_TRANSITIONS: readonly PhoneCallbackTransition[] = [
  {
    command: 'OpenCallback',
    from: 'NEW',
    roles: AGENT,
    outcomes: [{ events: ['phone-callback.opened'], to: 'OPEN' }],
  },
  {
    command: 'PrepareCallback',
    from: 'OPEN',
    roles: AGENT,
    outcomes: [{ events: ['phone-callback.prepared'], to: 'PREPARED' }],
  },
  FIRST_CALL,
  LATER_CALL,
  {
    command: 'ReportUnreached',
    from: 'ATTEMPTING',
    roles: AGENT,
    outcomes: [
      {
        events: ['phone-callback.unreached-reported'],
        to: 'UNREACHED_REPORTED',
      },
    ],
  },
  {
    command: 'ConcludeCall',
    from: 'CONNECTED',
    roles: AGENT,
    outcomes: [
      { events: ['phone-callback.closed-satisfied'], to: 'CLOSED_SATISFIED' },
      { events: ['phone-callback.escalated'], to: 'ESCALATED' },
    ],
  },
  {
    command: 'RecordSecondCall',
    from: 'ESCALATED',
    roles: LEADERS,
    outcomes: [
      {
        events: [
          'phone-callback.second-call-made',
          'phone-callback.closed-satisfied',
        ],
        to: 'CLOSED_SATISFIED',
      },
      {
        events: ['phone-callback.second-call-made'],
        to: 'STILL_DISSATISFIED',
      },
    ],
  },
  {
    command: 'OpenComplaint',
    from: 'STILL_DISSATISFIED',
    roles: LEADERS,
    outcomes: [
      {
        events: ['phone-callback.complaint-opened'],
        to: 'HANDED_TO_COMPLAINT',
      },
    ],
  },
  {
    command: 'CloseDissatisfied',
    from: 'STILL_DISSATISFIED',
    roles: LEADERS,
    outcomes: [
      {
        events: ['phone-callback.closed-dissatisfied'],
        to: 'CLOSED_DISSATISFIED',
      },
    ],
  },
  // TODO(#6): P08 does not say what the shift leader does with an
  // unreached user; the leader closes the case with a note of it.
  {
    command: 'CloseUnreached',
    from: 'UNREACHED_REPORTED',
    roles: ['cs-shift-leader'],
    outcomes: [
      { events: ['phone-callback.unreached-closed'], to: 'CLOSED_UNREACHED' },
    ],
  },
  cancelFrom('OPEN'),
  cancelFrom('PREPARED'),
  cancelFrom('ATTEMPTING'),
  // A timer's warning or breach, in any step; it moves nothing.
  ...PHONE_CALLBACK_STEPS.map((from): PhoneCallbackTransition => ({
    command: 'RecordDeadline',
    from,
    roles: ['system'],
    outcomes: [
      { events: ['phone-callback.deadline-warned'], to: from },
      { events: ['phone-callback.deadline-breached'], to: from },
    ],
  })),
];

/** The event types that may come next in a stream folded to `status`. */
export function phoneCallbackNextEventTypes(
  status: PhoneCallbackStatus,
  previous?: PhoneCallbackEventType,
): PhoneCallbackEventType[] {
  return nextEventTypesByTable(PHONE_CALLBACK_TRANSITIONS, status, previous);
}

/** The commands a role may issue on a call-back in `status`. */
export function allowedPhoneCallbackCommands(
  status: PhoneCallbackStatus,
  role: RoleId,
): PhoneCallbackCommandType[] {
  return allowedCommandsByTable(PHONE_CALLBACK_TRANSITIONS, status, role);
}
