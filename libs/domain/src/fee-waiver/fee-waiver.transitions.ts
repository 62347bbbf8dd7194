import type { TableRule } from '../shared';
import type { FeeWaiverCommandType } from './fee-waiver.commands';
import type { FeeWaiverEventType } from './fee-waiver.events';
import type { FeeWaiverStatus } from './fee-waiver.states';

export type FeeWaiverRule = TableRule<
  FeeWaiverCommandType,
  FeeWaiverEventType,
  FeeWaiverStatus
>;

const REQUEST: readonly FeeWaiverEventType[] = [
  'fee-waiver.requested',
  'fee-waiver.rule-applied',
];

/** Which role may issue which command in which state, and what it appends. */
export const FEE_WAIVER_TRANSITIONS: readonly FeeWaiverRule[] = [
  {
    // The rule row decides: waive, no waiver, or the supervisor decides.
    command: 'RequestWaiver',
    from: 'NEW',
    roles: ['cs-phone-agent'],
    outcomes: [
      { events: REQUEST, to: 'WAIVER_GRANTED' },
      { events: REQUEST, to: 'CLOSED_NOT_WAIVED' },
      { events: REQUEST, to: 'AWAITING_APPROVAL' },
    ],
  },
  {
    command: 'ApproveDiscretionaryWaiver',
    from: 'AWAITING_APPROVAL',
    roles: ['cs-supervisor'],
    outcomes: [
      { events: ['fee-waiver.discretionary-approved'], to: 'WAIVER_GRANTED' },
    ],
  },
  {
    command: 'RejectDiscretionaryWaiver',
    from: 'AWAITING_APPROVAL',
    roles: ['cs-supervisor'],
    outcomes: [
      { events: ['fee-waiver.discretionary-rejected'], to: 'CLOSED_REJECTED' },
    ],
  },
  {
    // TODO(#10): the billing system is not connected; the agent records the
    // adjustment's reference, nothing checks it was made.
    command: 'ApplyWaiver',
    from: 'WAIVER_GRANTED',
    roles: ['cs-phone-agent'],
    outcomes: [{ events: ['fee-waiver.waiver-applied'], to: 'CLOSED_WAIVED' }],
  },
];
