import { sameInEach, type TableRule } from '../shared';
import type { RepairOrderCommandType } from './repair-order.commands';
import type { RepairOrderEventType } from './repair-order.events';
import type { RepairOrderStatus } from './repair-order.states';

export type RepairOrderRule = TableRule<
  RepairOrderCommandType,
  RepairOrderEventType,
  RepairOrderStatus
>;

type Ev = RepairOrderEventType;

/** Who may book or rebook: the shop, the fleet, the centre, the customer. */
const BOOKERS = [
  'repair-shop-receptionist',
  'fleet-admin',
  'cs-phone-agent',
  'user',
] as const;

const BOOKED: readonly Ev[] = ['repair-order.appointment-booked'];
const RECEIVED: readonly Ev[] = ['repair-order.vehicle-received'];
const COMEBACK: Ev = 'repair-order.comeback-flagged';
const WALK_IN: readonly Ev[] = [
  'repair-order.walk-in-registered',
  'repair-order.vehicle-received',
];
// Only an outcome's last event moves the status, so the comeback flag
// comes before the reception it belongs to.
const WALK_IN_COMEBACK: readonly Ev[] = [
  'repair-order.walk-in-registered',
  COMEBACK,
  'repair-order.vehicle-received',
];
const APPOINTMENT_HELD: readonly RepairOrderStatus[] = [
  'BOOKED',
  'AWAITING_CONFIRMATION',
  'CONFIRMED',
];

function receptionFrom(from: RepairOrderStatus): RepairOrderRule {
  return {
    command: 'ReceiveBookedVehicle',
    from,
    roles: ['repair-shop-receptionist'],
    outcomes: [
      { events: RECEIVED, to: 'RECEPTION' },
      { events: [COMEBACK, ...RECEIVED], to: 'RECEPTION' },
    ],
  };
}

function shopCannotKeepFrom(from: RepairOrderStatus): RepairOrderRule {
  return {
    command: 'ShopCannotKeepAppointment',
    from,
    roles: ['repair-shop-receptionist'],
    outcomes: [
      {
        events: ['repair-order.shop-could-not-keep-appointment'],
        to: 'AWAITING_REBOOKING',
      },
    ],
  };
}

/**
 * Which role may issue which command in which state, and what it appends.
 * The decider, the permission check and the audit tool read this table.
 */
export const REPAIR_ORDER_TRANSITIONS: readonly RepairOrderRule[] = [
  // 1. Appointments (G5 §1, G2 §2).
  {
    command: 'BookAppointment',
    from: 'NEW',
    roles: BOOKERS,
    outcomes: [
      { events: BOOKED, to: 'BOOKED' },
      {
        // G2 §2: the technician is assigned as the booking is made.
        events: ['repair-order.fleet-request-scheduled', ...BOOKED],
        to: 'BOOKED',
      },
    ],
  },
  {
    // The timer, exactly one hour before the appointment.
    command: 'RequestAppointmentConfirmation',
    from: 'BOOKED',
    roles: ['system'],
    outcomes: [
      {
        events: ['repair-order.confirmation-requested'],
        to: 'AWAITING_CONFIRMATION',
      },
    ],
  },
  {
    command: 'RecordConfirmation',
    from: 'AWAITING_CONFIRMATION',
    roles: ['repair-shop-receptionist', 'cs-phone-agent', 'user'],
    outcomes: [
      { events: ['repair-order.appointment-confirmed'], to: 'CONFIRMED' },
      {
        events: ['repair-order.appointment-declined'],
        to: 'AWAITING_REBOOKING',
      },
    ],
  },
  {
    // The timer, at the appointment time, if nobody confirmed.
    command: 'ExpireUnconfirmedAppointment',
    from: 'AWAITING_CONFIRMATION',
    roles: ['system'],
    outcomes: [
      {
        events: ['repair-order.confirmation-missed'],
        to: 'AWAITING_REBOOKING',
      },
    ],
  },
  ...APPOINTMENT_HELD.map(shopCannotKeepFrom),
  {
    command: 'RebookAppointment',
    from: 'AWAITING_REBOOKING',
    roles: BOOKERS,
    outcomes: [{ events: ['repair-order.appointment-rebooked'], to: 'BOOKED' }],
  },
  // 2. Reception (G5 §2, G6).
  {
    command: 'RegisterWalkIn',
    from: 'NEW',
    roles: ['repair-shop-receptionist', 'repair-quick-team'],
    outcomes: [
      { events: WALK_IN, to: 'RECEPTION' },
      { events: WALK_IN_COMEBACK, to: 'RECEPTION' },
      { events: WALK_IN, to: 'QUICK_RECEPTION' },
      { events: WALK_IN_COMEBACK, to: 'QUICK_RECEPTION' },
    ],
  },
  ...APPOINTMENT_HELD.map(receptionFrom),
  ...(['RECEPTION', 'QUICK_RECEPTION'] as const).map(
    (from): RepairOrderRule => ({
      command: 'SignRepairAuthorisation',
      from,
      roles: [
        from === 'RECEPTION' ? 'repair-shop-receptionist' : 'repair-quick-team',
      ],
      outcomes: [
        {
          events: [
            'repair-order.vehicle-records-registered',
            'repair-order.repair-authorisation-signed',
          ],
          to: 'AUTHORISED',
        },
      ],
    }),
  ),
  // 3. Work order and repair (G7, G8 §3–5).
  {
    command: 'IssueWorkOrder',
    from: 'AUTHORISED',
    roles: ['repair-shop-receptionist', 'repair-quick-team'],
    outcomes: [{ events: ['repair-order.work-order-issued'], to: 'IN_REPAIR' }],
  },
  ...sameInEach<RepairOrderCommandType, Ev, RepairOrderStatus>(
    'ReportRepairProgress',
    ['IN_REPAIR'],
    ['repair-technician'],
    ['repair-order.repair-progress-reported'],
  ),
  {
    command: 'ProposeRepairChange',
    from: 'IN_REPAIR',
    roles: ['repair-technician'],
    outcomes: [
      { events: ['repair-order.repair-change-proposed'], to: 'CHANGE_PENDING' },
    ],
  },
  {
    // A change is done only once the customer agreed to it.
    command: 'RecordChangeDecision',
    from: 'CHANGE_PENDING',
    roles: ['repair-shop-receptionist'],
    outcomes: [
      { events: ['repair-order.repair-change-agreed'], to: 'IN_REPAIR' },
      { events: ['repair-order.repair-change-declined'], to: 'IN_REPAIR' },
    ],
  },
  {
    command: 'CompleteSelfCheck',
    from: 'IN_REPAIR',
    roles: ['repair-technician'],
    outcomes: [
      {
        events: ['repair-order.self-check-completed'],
        to: 'AWAITING_INSPECTION',
      },
    ],
  },
  {
    command: 'RecordQualityInspection',
    from: 'AWAITING_INSPECTION',
    roles: ['repair-quality-inspector'],
    outcomes: [
      {
        events: ['repair-order.quality-inspection-passed'],
        to: 'AWAITING_SETTLEMENT',
      },
      { events: ['repair-order.quality-inspection-failed'], to: 'IN_REPAIR' },
    ],
  },
  // 4. Settlement and records (G2 §5, G8 §7–8).
  {
    command: 'SettleRepairCosts',
    from: 'AWAITING_SETTLEMENT',
    roles: ['repair-cashier'],
    outcomes: [
      {
        events: [
          'repair-order.repair-costs-settled',
          'repair-order.repair-invoice-issued',
        ],
        to: 'SETTLED',
      },
    ],
  },
  {
    command: 'RaiseFeeDispute',
    from: 'AWAITING_SETTLEMENT',
    roles: ['repair-cashier'],
    outcomes: [
      { events: ['repair-order.fee-dispute-raised'], to: 'FEE_DISPUTE' },
    ],
  },
  {
    command: 'ResolveFeeDispute',
    from: 'FEE_DISPUTE',
    roles: ['repair-cashier'],
    outcomes: [
      {
        events: ['repair-order.fee-dispute-resolved'],
        to: 'AWAITING_SETTLEMENT',
      },
    ],
  },
  // 5. After delivery (G8 §6).
  {
    command: 'DeliverVehicle',
    from: 'SETTLED',
    roles: ['repair-shop-receptionist', 'repair-quick-team'],
    outcomes: [
      {
        events: [
          'repair-order.repair-slip-signed',
          'repair-order.vehicle-delivered',
        ],
        to: 'DELIVERED',
      },
    ],
  },
  ...sameInEach<RepairOrderCommandType, Ev, RepairOrderStatus>(
    'RecordSatisfactionSurvey',
    ['DELIVERED'],
    ['repair-shop-receptionist', 'cs-phone-agent'],
    ['repair-order.satisfaction-surveyed'],
  ),
  {
    command: 'ArchiveRepairOrder',
    from: 'DELIVERED',
    roles: ['repair-shop-receptionist', 'repair-cashier'],
    outcomes: [
      { events: ['repair-order.repair-order-archived'], to: 'ARCHIVED' },
    ],
  },
];
