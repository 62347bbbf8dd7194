import {
  InvalidCommandDataError,
  RoleNotPermittedError,
  TicketAlreadyExistsError,
  TicketNotFoundError,
  TicketNotInStateError,
  type RoleId,
} from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import { walkThroughTable } from '../shared/testing/table-walk';
import type { RepairOrderCommand } from './repair-order.commands';
import type { RepairOrderEvent } from './repair-order.events';
import {
  command,
  ctx,
  payloads,
  sh,
  SLOT,
  TICKET_ID,
} from './repair-order.fixtures';
import { repairOrderProcess } from './repair-order.process';
import { DEFAULT_REPAIR_ORDER_RULES } from './repair-order.rules';
import type { RepairOrderStatus } from './repair-order.states';
import { REPAIR_ORDER_TRANSITIONS } from './repair-order.transitions';

const RULES = DEFAULT_REPAIR_ORDER_RULES;
const { given } = deciderSpec(repairOrderProcess, RULES);

type Step = readonly [RepairOrderCommand, ReturnType<typeof ctx>];

// The givens here come from walking the table with the decider (the
// process spec checks that walk stage by stage); each state's history is
// the events up to its first entry.
const booked: Step[] = [
  [command('BookAppointment', payloads.book), ctx('repair-shop-receptionist')],
  [
    command('RequestAppointmentConfirmation', { bookingSeq: 1 }),
    ctx('system', sh('2026-12-08 09:00')),
  ],
  [
    command('RecordConfirmation', { confirmed: true }),
    ctx('repair-shop-receptionist', sh('2026-12-08 09:05')),
  ],
  [
    command('ReceiveBookedVehicle', { comeback: null }),
    ctx('repair-shop-receptionist', SLOT),
  ],
  [
    command('SignRepairAuthorisation', payloads.authorise),
    ctx('repair-shop-receptionist', SLOT),
  ],
  [
    command('IssueWorkOrder', { technicianId: 'tech-li' }),
    ctx('repair-shop-receptionist', SLOT),
  ],
  [
    command('ProposeRepairChange', {
      reason: '刹车盘磨损',
      addedItems: [payloads.authorise.items[0]],
    }),
    ctx('repair-technician', SLOT),
  ],
  [
    command('RecordChangeDecision', { agreed: false }),
    ctx('repair-shop-receptionist', SLOT),
  ],
  [command('CompleteSelfCheck', { note: '合格' }), ctx('repair-technician')],
  [
    command('RecordQualityInspection', { passed: true, findings: '合格' }),
    ctx('repair-quality-inspector'),
  ],
  [
    command('RaiseFeeDispute', { reason: '偏高', disputedFen: 100 }),
    ctx('repair-cashier'),
  ],
  [
    command('ResolveFeeDispute', { resolution: '维持', agreedTotalFen: 40000 }),
    ctx('repair-cashier'),
  ],
  [command('SettleRepairCosts', payloads.settle), ctx('repair-cashier')],
  [
    command('DeliverVehicle', { slipSignedBy: '王先生', cleaned: true }),
    ctx('repair-shop-receptionist'),
  ],
  [command('ArchiveRepairOrder', {}), ctx('repair-shop-receptionist')],
];
const unconfirmed: Step[] = [
  ...booked.slice(0, 2),
  [
    command('ExpireUnconfirmedAppointment', { bookingSeq: 1 }),
    ctx('system', SLOT),
  ],
];
const quick: Step[] = [
  [command('RegisterWalkIn', payloads.walkIn), ctx('repair-quick-team')],
];

function historiesOf(...paths: Step[][]) {
  const found: Partial<Record<RepairOrderStatus, RepairOrderEvent[]>> = {};
  for (const path of paths) {
    // Each prefix of the path, walked through the table, ends in a state.
    for (let n = 1; n <= path.length; n++) {
      const { state, events } = walkThroughTable(
        repairOrderProcess,
        REPAIR_ORDER_TRANSITIONS,
        RULES,
        path.slice(0, n),
      );
      found[state.status] ??= events;
    }
  }
  return found as Record<Exclude<RepairOrderStatus, 'NEW'>, RepairOrderEvent[]>;
}

const historyOf = historiesOf(booked, unconfirmed, quick);

/** A role of the manual that has nothing to do in a repair shop. */
const OUTSIDER: RoleId = 'station-manager';

const ACTIONS = [
  ...new Set(
    REPAIR_ORDER_TRANSITIONS.filter((r) => r.from !== 'NEW').map(
      (r) => r.command,
    ),
  ),
];

describe.each(ACTIONS)('%s, refused', (type) => {
  const rules = REPAIR_ORDER_TRANSITIONS.filter((r) => r.command === type);
  const from = rules[0].from as Exclude<RepairOrderStatus, 'NEW'>;
  const role = rules[0].roles[0];
  const allowedFrom = [...new Set(rules.map((r) => r.from))];
  const cmd = { type, ticketId: TICKET_ID, payload: {} } as RepairOrderCommand;

  it('as not found on a ticket that does not exist', () => {
    given([])
      .when(cmd, ctx(role))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  if (role !== 'system') {
    it('as not found for another subsidiary, so the id leaks nothing', () => {
      given(historyOf[from])
        .when(cmd, ctx(role, undefined, { subsidiary: 'hz' }))
        .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
    });
  }

  it('to a role that never issues it, naming the permission', () => {
    given(historyOf[from])
      .when(cmd, ctx(OUTSIDER))
      .thenThrows(RoleNotPermittedError, {
        role: OUTSIDER,
        permission: `repair-order:${type}`,
      });
  });

  it('in a state that does not allow it, naming the states that do', () => {
    given(historyOf.ARCHIVED)
      .when(cmd, ctx(role))
      .thenThrows(TicketNotInStateError, {
        state: 'ARCHIVED',
        expected: allowedFrom,
        command: type,
      });
  });

  // Reception and archiving have only optional fields.
  const required = !['ReceiveBookedVehicle', 'ArchiveRepairOrder'].includes(
    type,
  );
  if (required)
    it('with an empty payload, as invalid data', () => {
      given(historyOf[from])
        .when(cmd, ctx(role, SLOT))
        .thenThrows(InvalidCommandDataError);
    });
});

describe.each(['BookAppointment', 'RegisterWalkIn'] as const)(
  '%s, the opening of a visit',
  (type) => {
    const payload =
      type === 'BookAppointment' ? payloads.book : payloads.walkIn;
    const cmd = command(type, payload as never);

    it('is refused on a visit that exists', () => {
      given(historyOf.BOOKED)
        .when(cmd, ctx('repair-shop-receptionist'))
        .thenThrows(TicketAlreadyExistsError, { ticketId: TICKET_ID });
    });

    it('is refused to a role outside the shop', () => {
      given([])
        .when(cmd, ctx(OUTSIDER))
        .thenThrows(RoleNotPermittedError, { role: OUTSIDER });
    });
  },
);
