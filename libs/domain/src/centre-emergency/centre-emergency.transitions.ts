import { sameInEach, type RoleId, type TableRule } from '../shared';
import type { CentreEmergencyCommandType } from './centre-emergency.commands';
import type { CentreEmergencyEventType } from './centre-emergency.events';
import {
  EMERGENCY_ACTIVE_STATES,
  FAULT_OPEN_STATES,
  type CentreEmergencyStatus,
} from './centre-emergency.states';

export type CentreEmergencyRule = TableRule<
  CentreEmergencyCommandType,
  CentreEmergencyEventType,
  CentreEmergencyStatus
>;

/**
 * A record the close waits for, which may be entered while the fault
 * lasts or after the fix: a supervisor busy on the phones records the
 * managers or the 天润 report late, and during a network or power outage
 * nobody can enter the hand-written requests until it is over, nor read
 * the hotline's missed calls from 天润 until the line is back.
 */
const BRANCH_RECORD_STATES: readonly CentreEmergencyStatus[] = [
  ...FAULT_OPEN_STATES,
  'RECOVERING',
];

/** Everyone of the centre who takes part (3.1–3.6, 4.3). */
const EVERY_ROLE: readonly RoleId[] = [
  'cs-phone-agent',
  'cs-online-agent',
  'cs-shift-leader',
  'cs-supervisor',
  'cs-manager-outsourcer',
  'tech-manager',
  'hq-cs-manager',
];

const record = (
  command: CentreEmergencyCommandType,
  states: readonly CentreEmergencyStatus[],
  roles: readonly RoleId[],
  event: CentreEmergencyEventType,
) =>
  sameInEach<
    CentreEmergencyCommandType,
    CentreEmergencyEventType,
    CentreEmergencyStatus
  >(command, states, roles, [event]);

/**
 * Which role may issue which command in which state, and what it appends.
 * The decider, the permission check and the audit tool read this table.
 */
export const CENTRE_EMERGENCY_TRANSITIONS: readonly CentreEmergencyRule[] = [
  {
    // Anyone on duty may log a fault; 3.2 names the phone agent.
    command: 'LogFault',
    from: 'NEW',
    roles: [
      'cs-phone-agent',
      'cs-shift-leader',
      'cs-supervisor',
      'cs-manager-outsourcer',
    ],
    outcomes: [
      { events: ['centre-emergency.fault-logged'], to: 'PRE_ANNOUNCED' },
      { events: ['centre-emergency.fault-logged'], to: 'UNANNOUNCED' },
    ],
  },
  {
    // 4.2: "则结束本流程": the emergency plan takes over from here.
    command: 'ActivateEmergencyMechanism',
    from: 'PRE_ANNOUNCED',
    roles: ['cs-manager-outsourcer'],
    outcomes: [
      {
        events: ['centre-emergency.emergency-mechanism-activated'],
        to: 'CLOSED_EMERGENCY_MECHANISM',
      },
    ],
  },
  {
    command: 'ConfirmRepairEta',
    from: 'UNANNOUNCED',
    roles: ['cs-manager-outsourcer'],
    outcomes: [
      {
        events: [
          'centre-emergency.repair-eta-confirmed',
          'centre-emergency.reported-to-hq-cs-manager',
        ],
        to: 'ETA_CONFIRMED',
      },
    ],
  },
  {
    command: 'MobiliseAllHands',
    from: 'ETA_CONFIRMED',
    roles: ['cs-shift-leader', 'cs-supervisor'],
    outcomes: [
      {
        events: ['centre-emergency.all-hands-on-phones'],
        to: 'DEGRADED_OPERATION',
      },
    ],
  },
  {
    command: 'ResolveFault',
    from: 'DEGRADED_OPERATION',
    roles: ['tech-manager'],
    outcomes: [
      { events: ['centre-emergency.fault-resolved'], to: 'RECOVERING' },
    ],
  },
  {
    // The decider refuses while a branch's follow-up is not done.
    command: 'CloseEmergency',
    from: 'RECOVERING',
    roles: ['cs-supervisor', 'cs-manager-outsourcer'],
    outcomes: [
      { events: ['centre-emergency.emergency-closed'], to: 'CLOSED_RESOLVED' },
    ],
  },
  // While the fault lasts: the branch's records and the staffing.
  ...record(
    'LendOnlineStaff',
    ['ETA_CONFIRMED', 'DEGRADED_OPERATION'],
    ['cs-online-agent', 'cs-supervisor'],
    'centre-emergency.online-staff-lent',
  ),
  ...record(
    'DesignateManagers',
    BRANCH_RECORD_STATES,
    ['cs-supervisor'],
    'centre-emergency.two-managers-designated',
  ),
  ...record(
    'ReportToTianrun',
    BRANCH_RECORD_STATES,
    ['cs-supervisor'],
    'centre-emergency.tianrun-repair-reported',
  ),
  ...record(
    'RecordHandwrittenRequest',
    BRANCH_RECORD_STATES,
    ['cs-phone-agent'],
    'centre-emergency.handwritten-request-recorded',
  ),
  ...record(
    'RecordMissedCall',
    BRANCH_RECORD_STATES,
    ['cs-phone-agent', 'cs-online-agent'],
    'centre-emergency.missed-call-recorded',
  ),
  ...record(
    'ReportToCsManagerOffDay',
    FAULT_OPEN_STATES,
    ['cs-shift-leader'],
    'centre-emergency.reported-to-cs-manager',
  ),
  ...record(
    'CallNextShiftEarly',
    FAULT_OPEN_STATES,
    ['cs-shift-leader'],
    'centre-emergency.next-shift-called-in-early',
  ),
  ...record(
    'DeploySupportStaff',
    FAULT_OPEN_STATES,
    ['cs-supervisor'],
    'centre-emergency.support-staff-deployed',
  ),
  // After the fix: the follow-up that must be done before the close.
  ...record(
    'BackfillTask',
    ['RECOVERING'],
    ['cs-phone-agent', 'cs-supervisor'],
    'centre-emergency.task-backfilled',
  ),
  // TODO(#11): 3.4 has the supervisor arrange the call-backs (P08 may be
  // used); here the agents record each call-back on the emergency itself.
  ...record(
    'RecordCallback',
    ['RECOVERING'],
    ['cs-phone-agent', 'cs-online-agent'],
    'centre-emergency.missed-call-called-back',
  ),
  ...record(
    'RecordDeferredRequestsHandled',
    ['RECOVERING'],
    ['cs-phone-agent'],
    'centre-emergency.deferred-requests-processed',
  ),
  // Affected tickets point at the emergency while it has not ended.
  ...record(
    'LinkTicket',
    EMERGENCY_ACTIVE_STATES,
    EVERY_ROLE,
    'centre-emergency.ticket-linked',
  ),
  ...record(
    'UnlinkTicket',
    EMERGENCY_ACTIVE_STATES,
    EVERY_ROLE,
    'centre-emergency.ticket-unlinked',
  ),
];
