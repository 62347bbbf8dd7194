import { walkThroughTable } from '../shared/testing/table-walk';
import {
  command,
  ctx,
  NOW,
  payloads,
  reservation,
  sh,
  SLOT,
} from './repair-order.fixtures';
import { repairOrderProcess } from './repair-order.process';
import { DEFAULT_REPAIR_ORDER_RULES } from './repair-order.rules';
import { REPAIR_ORDER_TRANSITIONS } from './repair-order.transitions';

const RULES = DEFAULT_REPAIR_ORDER_RULES;
const walk = (steps: Parameters<typeof walkThroughTable>[3]) =>
  walkThroughTable(
    repairOrderProcess,
    REPAIR_ORDER_TRANSITIONS,
    RULES,
    steps as never,
  );

describe('a booked mechanical repair, every stage by the table', () => {
  it('goes from the register to the archive, through a failed inspection, a change and a fee dispute', () => {
    const { statuses, state } = walk([
      [
        command('BookAppointment', payloads.book),
        ctx('repair-shop-receptionist'),
      ],
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
        ctx('repair-shop-receptionist', sh('2026-12-08 10:30')),
      ],
      [
        command('ReportRepairProgress', {
          progress: '拆检',
          customerTold: true,
        }),
        ctx('repair-technician'),
      ],
      [
        command('ProposeRepairChange', {
          reason: '刹车盘磨损',
          addedItems: [{ ...payloads.authorise.items[0], code: 'BD-F' }],
        }),
        ctx('repair-technician'),
      ],
      [
        command('RecordChangeDecision', { agreed: false }),
        ctx('repair-shop-receptionist'),
      ],
      [
        command('CompleteSelfCheck', { note: '合格' }),
        ctx('repair-technician'),
      ],
      [
        command('RecordQualityInspection', { passed: false, findings: '异响' }),
        ctx('repair-quality-inspector'),
      ],
      [
        command('CompleteSelfCheck', { note: '复检' }),
        ctx('repair-technician'),
      ],
      [
        command('RecordQualityInspection', { passed: true, findings: '合格' }),
        ctx('repair-quality-inspector', sh('2026-12-08 14:00')),
      ],
      [
        command('RaiseFeeDispute', { reason: '偏高', disputedFen: 3000 }),
        ctx('repair-cashier'),
      ],
      [
        command('ResolveFeeDispute', {
          resolution: '减免',
          agreedTotalFen: 37000,
        }),
        ctx('repair-cashier'),
      ],
      [
        command('SettleRepairCosts', { ...payloads.settle, labourFen: 5000 }),
        ctx('repair-cashier', sh('2026-12-08 15:00')),
      ],
      [
        command('DeliverVehicle', { slipSignedBy: '王先生', cleaned: true }),
        ctx('repair-shop-receptionist', sh('2026-12-08 16:00')),
      ],
      [
        command('RecordSatisfactionSurvey', { score: 4 }),
        ctx('repair-shop-receptionist'),
      ],
      [
        command('ArchiveRepairOrder', {}),
        ctx('repair-cashier', sh('2026-12-08 16:30')),
      ],
    ]);
    expect(statuses).toEqual([
      'BOOKED',
      'AWAITING_CONFIRMATION',
      'CONFIRMED',
      'RECEPTION',
      'AUTHORISED',
      'IN_REPAIR',
      'IN_REPAIR',
      'CHANGE_PENDING',
      'IN_REPAIR',
      'AWAITING_INSPECTION',
      'IN_REPAIR',
      'AWAITING_INSPECTION',
      'AWAITING_SETTLEMENT',
      'FEE_DISPUTE',
      'AWAITING_SETTLEMENT',
      'SETTLED',
      'DELIVERED',
      'DELIVERED',
      'ARCHIVED',
    ]);
    expect(state).toMatchObject({
      totalFen: 37000,
      failedInspections: 1,
      invoiceNo: 'RI-20261207-0001',
      workOrderNumber: 'WO-20261207-0001',
      stageMinutes: {
        reception: 0,
        preparation: 30,
        repair: 210,
        settlement: 60,
        delivery: 60,
        total: 390,
      },
    });
  });
});

describe('an appointment that is not kept', () => {
  const booked = [
    [
      command('BookAppointment', payloads.book),
      ctx('repair-shop-receptionist'),
    ],
    [
      command('RequestAppointmentConfirmation', { bookingSeq: 1 }),
      ctx('system', sh('2026-12-08 09:00')),
    ],
  ] as const;
  const rebook = [
    command('RebookAppointment', {
      slotStart: sh('2026-12-09 10:00'),
      reservation: reservation(2, sh('2026-12-09 10:00')),
    }),
    ctx('repair-shop-receptionist', sh('2026-12-08 15:00')),
  ] as const;

  it('goes back for a new time when nobody confirms by the appointment', () => {
    const { statuses, state } = walk([
      ...booked,
      [
        command('ExpireUnconfirmedAppointment', { bookingSeq: 1 }),
        ctx('system', SLOT),
      ],
      rebook,
    ]);
    expect(statuses).toEqual([
      'BOOKED',
      'AWAITING_CONFIRMATION',
      'AWAITING_REBOOKING',
      'BOOKED',
    ]);
    expect(state.appointment).toMatchObject({ bookingSeq: 2 });
  });

  it('goes back for a new time when the customer declines', () => {
    const { statuses } = walk([
      ...booked,
      [
        command('RecordConfirmation', { confirmed: false, note: '出差' }),
        ctx('user', sh('2026-12-08 09:10')),
      ],
      rebook,
    ]);
    expect(statuses.slice(2)).toEqual(['AWAITING_REBOOKING', 'BOOKED']);
  });

  it('goes back for a new time when the shop tells the customer it cannot keep it', () => {
    const { statuses } = walk([
      [
        command('BookAppointment', payloads.book),
        ctx('repair-shop-receptionist'),
      ],
      [
        command('ShopCannotKeepAppointment', { reason: '举升机故障' }),
        ctx('repair-shop-receptionist', NOW),
      ],
      rebook,
    ]);
    expect(statuses).toEqual(['BOOKED', 'AWAITING_REBOOKING', 'BOOKED']);
  });
});

describe('walk-ins', () => {
  it('a quick repair goes to the quick-repair team, a comeback flagged first', () => {
    const { statuses, events } = walk([
      [
        command('RegisterWalkIn', {
          ...payloads.walkIn,
          comeback: {
            previousTicketId: 'prev-1',
            previousTicketNumber: 'RO-20261120-0003',
            deliveredAt: sh('2026-11-20 16:00'),
          },
        }),
        ctx('repair-quick-team'),
      ],
      [
        command('SignRepairAuthorisation', payloads.authorise),
        ctx('repair-quick-team'),
      ],
    ]);
    expect(statuses).toEqual(['QUICK_RECEPTION', 'AUTHORISED']);
    expect(events.map((e) => e.type).slice(0, 3)).toEqual([
      'repair-order.walk-in-registered',
      'repair-order.comeback-flagged',
      'repair-order.vehicle-received',
    ]);
  });

  it('a mechanical repair goes to a receptionist', () => {
    const { statuses } = walk([
      [
        command('RegisterWalkIn', {
          ...payloads.walkIn,
          kind: 'mechanical-repair',
        }),
        ctx('repair-shop-receptionist'),
      ],
    ]);
    expect(statuses).toEqual(['RECEPTION']);
  });
});
