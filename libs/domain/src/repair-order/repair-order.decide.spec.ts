import { InvalidCommandDataError } from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import {
  RepairCostListMismatchError,
  RepairTimerNotDueError,
  RepairTimerStaleError,
} from './repair-order.errors';
import type { RepairOrderEvent } from './repair-order.events';
import {
  command,
  ctx,
  NOW,
  pad,
  payloads,
  reservation,
  sh,
  SLOT,
  TICKET_ID,
} from './repair-order.fixtures';
import { repairOrderProcess } from './repair-order.process';
import { DEFAULT_REPAIR_ORDER_RULES } from './repair-order.rules';

const { given } = deciderSpec(repairOrderProcess, DEFAULT_REPAIR_ORDER_RULES);

const appointment = {
  bookingSeq: 1,
  reservationId: `${TICKET_ID}/1`,
  slotStart: SLOT,
  slotEnd: sh('2026-12-08 11:00'),
  partsReserved: { 'BP-F': 1 },
  partsToOrder: {},
};

const booked: RepairOrderEvent = {
  type: 'repair-order.appointment-booked',
  schemaVersion: 1,
  data: {
    ticketNumber: 'RO-20261207-0001',
    subsidiaryId: 'sh',
    shopCode: 'SH-MH-01',
    kind: 'mechanical-repair',
    vehicle: { plate: '沪A·R1001', model: '荣威 Ei5' },
    customer: { phone: '13800138000' },
    symptoms: '制动时异响',
    bring: ['maintenance-manual'],
    appointment,
  },
};
const asked: RepairOrderEvent = {
  type: 'repair-order.confirmation-requested',
  schemaVersion: 1,
  data: { bookingSeq: 1, appointmentAt: SLOT },
};
const inspected: RepairOrderEvent[] = [
  booked,
  {
    type: 'repair-order.vehicle-received',
    schemaVersion: 1,
    data: {
      receivedAt: SLOT,
      by: 'repair-shop-receptionist',
      withAppointment: true,
    },
  },
  {
    type: 'repair-order.repair-authorisation-signed',
    schemaVersion: 1,
    data: {
      signedBy: '王先生',
      signedAt: SLOT,
      items: [pad],
      estimateFen: 40000,
      promisedAt: sh('2026-12-08 17:00'),
    },
  },
  {
    type: 'repair-order.work-order-issued',
    schemaVersion: 1,
    data: {
      workOrderNumber: 'WO-20261207-0001',
      technicianId: 'tech-li',
      issuedAt: SLOT,
      partsToOrder: {},
    },
  },
  {
    type: 'repair-order.self-check-completed',
    schemaVersion: 1,
    data: { note: '合格', at: SLOT },
  },
  {
    type: 'repair-order.quality-inspection-passed',
    schemaVersion: 1,
    data: { findings: '合格', at: SLOT },
  },
];

describe('the confirmation timer', () => {
  const timer = command('RequestAppointmentConfirmation', { bookingSeq: 1 });

  it('is refused a second before one hour before the appointment', () => {
    given([booked])
      .when(timer, ctx('system', '2026-12-08T00:59:59.000Z'))
      .thenThrows(RepairTimerNotDueError, { dueAt: sh('2026-12-08 09:00') });
  });

  it('asks the customer exactly one hour before', () => {
    const state = given([booked])
      .when(timer, ctx('system', sh('2026-12-08 09:00')))
      .then([asked]);
    expect(state.status).toBe('AWAITING_CONFIRMATION');
  });

  it('of an earlier booking is refused as stale', () => {
    given([booked])
      .when(
        command('RequestAppointmentConfirmation', { bookingSeq: 2 }),
        ctx('system', SLOT),
      )
      .thenThrows(RepairTimerStaleError, { bookingSeq: 2, currentSeq: 1 });
  });
});

describe('the appointment time without a confirmation', () => {
  const expire = command('ExpireUnconfirmedAppointment', { bookingSeq: 1 });

  it('changes nothing before the appointment', () => {
    given([booked, asked])
      .when(expire, ctx('system', sh('2026-12-08 09:59')))
      .thenThrows(RepairTimerNotDueError, { dueAt: SLOT });
  });

  it('sends the booking back for a new time at the appointment', () => {
    const state = given([booked, asked])
      .when(expire, ctx('system', SLOT))
      .then([
        {
          type: 'repair-order.confirmation-missed',
          schemaVersion: 1,
          data: { bookingSeq: 1, appointmentAt: SLOT },
        },
      ]);
    expect(state).toMatchObject({ status: 'AWAITING_REBOOKING' });
    expect(state.appointment).toBeUndefined();
  });
});

describe('a booking', () => {
  it('of a quick repair is refused: it needs no appointment', () => {
    given([])
      .when(
        command('BookAppointment', { ...payloads.book, kind: 'quick-repair' }),
        ctx('repair-shop-receptionist'),
      )
      .thenThrows(InvalidCommandDataError, {
        fields: [
          {
            field: 'payload.kind',
            message:
              'quick repair (wear parts only) needs no appointment: come in directly',
          },
        ],
      });
  });

  it('with fleet details is refused to anyone but the fleet administrator', () => {
    given([])
      .when(
        command('BookAppointment', {
          ...payloads.book,
          fleet: {
            channel: 'email',
            faultCategory: 'brakes',
            priority: 'high',
            technicianId: 'tech-li',
            expectedCompletionAt: sh('2026-12-08 17:00'),
            pickupMethod: 'shop-delivers',
          },
        }),
        ctx('repair-shop-receptionist'),
      )
      .thenThrows(InvalidCommandDataError);
  });

  it('the worker did not reserve is refused, naming the reservation', () => {
    const { reservation: _none, ...unreserved } = payloads.book;
    given([])
      .when(
        command('BookAppointment', unreserved as typeof payloads.book),
        ctx('repair-shop-receptionist'),
      )
      .thenThrows(InvalidCommandDataError, {
        fields: [{ field: 'payload.reservation', message: 'was not reserved' }],
      });
  });

  it('the shop cannot keep must be told before the appointment', () => {
    given([booked])
      .when(
        command('ShopCannotKeepAppointment', {
          reason: '举升机故障',
          customerToldAt: SLOT,
        }),
        ctx('repair-shop-receptionist', SLOT),
      )
      .thenThrows(InvalidCommandDataError, {
        fields: [
          {
            field: 'payload.customerToldAt',
            message:
              'must be before the appointment (tell the customer in advance)',
          },
        ],
      });
  });

  it('the shop cannot keep is recorded once the customer was told, not ahead of it', () => {
    given([booked])
      .when(
        command('ShopCannotKeepAppointment', {
          reason: '举升机故障',
          customerToldAt: sh('2026-12-07 12:00'),
        }),
        ctx('repair-shop-receptionist'),
      )
      .thenThrows(InvalidCommandDataError, {
        fields: [
          {
            field: 'payload.customerToldAt',
            message: 'must not be later than now',
          },
        ],
      });
  });

  it('of a fleet request is refused a completion time before the appointment', () => {
    given([])
      .when(
        command('BookAppointment', {
          ...payloads.book,
          fleet: {
            channel: 'phone',
            faultCategory: 'brakes',
            priority: 'urgent',
            technicianId: 'tech-li',
            expectedCompletionAt: sh('2026-12-08 09:00'),
            pickupMethod: 'fleet-collects',
          },
        }),
        ctx('fleet-admin'),
      )
      .thenThrows(InvalidCommandDataError, {
        fields: [
          {
            field: 'payload.fleet.expectedCompletionAt',
            message: 'must be after the appointment starts',
          },
        ],
      });
  });

  it('rebooked is the next booking of the visit', () => {
    const declined: RepairOrderEvent = {
      type: 'repair-order.appointment-declined',
      schemaVersion: 1,
      data: { bookingSeq: 1 },
    };
    const state = given([booked, asked, declined])
      .when(
        command('RebookAppointment', {
          slotStart: sh('2026-12-09 10:00'),
          reservation: reservation(2, sh('2026-12-09 10:00')),
        }),
        ctx('repair-shop-receptionist'),
      )
      .then([
        {
          type: 'repair-order.appointment-rebooked',
          schemaVersion: 1,
          data: {
            appointment: {
              bookingSeq: 2,
              ...reservation(2, sh('2026-12-09 10:00')),
            },
          },
        },
      ]);
    expect(state.bookings).toBe(2);
  });
});

describe('a comeback at reception', () => {
  const arrive = (deliveredAt: string) =>
    command('ReceiveBookedVehicle', {
      comeback: {
        previousTicketId: 'prev-1',
        previousTicketNumber: 'RO-20261101-0001',
        deliveredAt,
      },
    });

  it('is flagged when the vehicle was delivered within 30 days', () => {
    const state = given([booked])
      .when(arrive(sh('2026-11-07 09:00')), ctx('repair-shop-receptionist'))
      .then([
        {
          type: 'repair-order.comeback-flagged',
          schemaVersion: 1,
          data: {
            previousTicketId: 'prev-1',
            previousTicketNumber: 'RO-20261101-0001',
            deliveredAt: sh('2026-11-07 09:00'),
            daysSinceDelivery: 30,
            withinWarranty: true,
          },
        },
        {
          type: 'repair-order.vehicle-received',
          schemaVersion: 1,
          data: {
            receivedAt: NOW,
            by: 'repair-shop-receptionist',
            withAppointment: true,
          },
        },
      ]);
    expect(state.comeback).toBeDefined();
  });

  it('counts Shanghai calendar days: delivered late on 6 November is 31 days before 7 December 09:00', () => {
    const state = given([booked])
      .when(arrive(sh('2026-11-06 23:30')), ctx('repair-shop-receptionist'))
      .then([
        {
          type: 'repair-order.vehicle-received',
          schemaVersion: 1,
          data: {
            receivedAt: NOW,
            by: 'repair-shop-receptionist',
            withAppointment: true,
          },
        },
      ]);
    expect(state.comeback).toBeUndefined();
  });

  it('is outside the warranty the earlier repair was given, whatever the days now configured', () => {
    given([booked])
      .when(
        command('ReceiveBookedVehicle', {
          comeback: {
            previousTicketId: 'prev-1',
            previousTicketNumber: 'RO-20261101-0001',
            deliveredAt: sh('2026-11-20 10:00'),
            // A 10-day warranty then: it ended at midnight after 30 November.
            warrantyUntil: sh('2026-12-01 00:00'),
          },
        }),
        ctx('repair-shop-receptionist'),
      )
      .then([
        {
          type: 'repair-order.comeback-flagged',
          schemaVersion: 1,
          data: {
            previousTicketId: 'prev-1',
            previousTicketNumber: 'RO-20261101-0001',
            deliveredAt: sh('2026-11-20 10:00'),
            daysSinceDelivery: 17,
            withinWarranty: false,
          },
        },
        {
          type: 'repair-order.vehicle-received',
          schemaVersion: 1,
          data: {
            receivedAt: NOW,
            by: 'repair-shop-receptionist',
            withAppointment: true,
          },
        },
      ]);
  });

  it('is not flagged 31 days after delivery', () => {
    const state = given([booked])
      .when(arrive(sh('2026-11-06 09:00')), ctx('repair-shop-receptionist'))
      .then([
        {
          type: 'repair-order.vehicle-received',
          schemaVersion: 1,
          data: {
            receivedAt: NOW,
            by: 'repair-shop-receptionist',
            withAppointment: true,
          },
        },
      ]);
    expect(state.comeback).toBeUndefined();
  });
});

describe('the work order (派工单)', () => {
  it('lists the agreed items, the parts held at booking and those still to order', () => {
    given(inspected.slice(0, 3))
      .when(
        command('IssueWorkOrder', {
          technicianId: 'tech-li',
          partsToOrder: { 'BD-F': 2 },
        }),
        ctx('repair-shop-receptionist', SLOT),
      )
      .then([
        {
          type: 'repair-order.work-order-issued',
          schemaVersion: 1,
          data: {
            workOrderNumber: 'WO-20261207-0001',
            technicianId: 'tech-li',
            issuedAt: SLOT,
            items: [pad],
            partsReserved: { 'BP-F': 1 },
            partsToOrder: { 'BD-F': 2 },
          },
        },
      ]);
  });
});

describe('delivery', () => {
  it('starts the warranty, ending at midnight in Shanghai after its 90th calendar day', () => {
    const settled: RepairOrderEvent[] = [
      ...inspected,
      {
        type: 'repair-order.repair-costs-settled',
        schemaVersion: 1,
        data: {
          partsFen: 32000,
          labourFen: 8000,
          otherFen: 0,
          totalFen: 40000,
          settledAt: SLOT,
        },
      },
      {
        type: 'repair-order.repair-invoice-issued',
        schemaVersion: 1,
        data: {
          invoiceNo: 'RI-20261207-0001',
          invoiceTitle: '王先生',
          totalFen: 40000,
        },
      },
    ];
    const state = given(settled)
      .when(
        command('DeliverVehicle', { slipSignedBy: '王先生', cleaned: true }),
        ctx('repair-shop-receptionist', sh('2026-12-08 16:00')),
      )
      .then([
        {
          type: 'repair-order.repair-slip-signed',
          schemaVersion: 1,
          data: { signedBy: '王先生' },
        },
        {
          type: 'repair-order.vehicle-delivered',
          schemaVersion: 1,
          data: {
            deliveredAt: sh('2026-12-08 16:00'),
            cleaned: true,
            warrantyUntil: sh('2027-03-09 00:00'),
          },
        },
      ]);
    expect(state.status).toBe('DELIVERED');
  });
});

describe('settlement', () => {
  it('refuses a cost list that does not match the agreed items', () => {
    given(inspected)
      .when(
        command('SettleRepairCosts', { ...payloads.settle, labourFen: 9000 }),
        ctx('repair-cashier'),
      )
      .thenThrows(RepairCostListMismatchError, {
        expected: { labourFen: 8000, partsFen: 32000 },
      });
  });

  it('settles the agreed items and issues the invoice', () => {
    const state = given(inspected)
      .when(
        command('SettleRepairCosts', payloads.settle),
        ctx('repair-cashier'),
      )
      .then([
        {
          type: 'repair-order.repair-costs-settled',
          schemaVersion: 1,
          data: {
            partsFen: 32000,
            labourFen: 8000,
            otherFen: 0,
            totalFen: 40000,
            settledAt: NOW,
          },
        },
        {
          type: 'repair-order.repair-invoice-issued',
          schemaVersion: 1,
          data: {
            invoiceNo: 'RI-20261207-0001',
            invoiceTitle: '王先生',
            totalFen: 40000,
          },
        },
      ]);
    expect(state.status).toBe('SETTLED');
  });
});
