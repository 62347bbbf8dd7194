import {
  initialRepairOrderState,
  type RepairOrderState,
} from '@opsdesk/domain';
import { ConfigError } from '@opsdesk/platform';
import {
  nextRepairOrderTimer,
  repairOrderTimerCommand,
  repairOrderTimerJobId,
} from './repair-order-timers';
import { repairOrderRulesFrom, shopBookRulesFrom } from './repair-order.wiring';
import { shopBookIdOf } from './repair-shop-book.writer';

const appointment = {
  bookingSeq: 2,
  reservationId: 'ro-1/2',
  slotStart: '2026-12-08T02:00:00.000Z',
  slotEnd: '2026-12-08T03:00:00.000Z',
  partsReserved: {},
  partsToOrder: {},
};
const inState = (status: RepairOrderState['status']): RepairOrderState => ({
  ...initialRepairOrderState,
  status,
  appointment,
});

describe('the repair shop’s configuration', () => {
  it('defaults to 30 comeback days, 90 warranty days and 09:00–18:00 slots 2 hours ahead', () => {
    expect(repairOrderRulesFrom({})).toEqual({
      comebackDays: 30,
      warrantyDays: 90,
    });
    expect(shopBookRulesFrom({})).toMatchObject({
      marginHours: 2,
      openHour: 9,
      closeHour: 18,
    });
  });

  it('takes its numbers from the environment', () => {
    expect(
      repairOrderRulesFrom({ REPAIR_COMEBACK_DAYS: '14' }).comebackDays,
    ).toBe(14);
    expect(
      shopBookRulesFrom({ REPAIR_BOOKING_MARGIN_HOURS: '4' }).marginHours,
    ).toBe(4);
  });

  it('refuses a number that is not a whole one, and hours that close before they open', () => {
    expect(() => repairOrderRulesFrom({ REPAIR_WARRANTY_DAYS: '-1' })).toThrow(
      ConfigError,
    );
    expect(() =>
      shopBookRulesFrom({
        REPAIR_SHOP_OPEN_HOUR: '18',
        REPAIR_SHOP_CLOSE_HOUR: '9',
      }),
    ).toThrow(ConfigError);
  });

  it('names each shop’s book by its code, the same everywhere', () => {
    expect(shopBookIdOf('SH-MH-01')).toBe(shopBookIdOf('SH-MH-01'));
    expect(shopBookIdOf('SH-MH-01')).not.toBe(shopBookIdOf('SH-MH-02'));
  });
});

describe('the appointment timers', () => {
  it('of a booked visit ask for confirmation one hour before', () => {
    expect(nextRepairOrderTimer(inState('BOOKED'))).toEqual({
      kind: 'confirm',
      type: 'RequestAppointmentConfirmation',
      bookingSeq: 2,
      dueAt: '2026-12-08T01:00:00.000Z',
    });
  });

  it('of a visit awaiting confirmation expire at the appointment', () => {
    expect(nextRepairOrderTimer(inState('AWAITING_CONFIRMATION'))).toEqual({
      kind: 'expire',
      type: 'ExpireUnconfirmedAppointment',
      bookingSeq: 2,
      dueAt: '2026-12-08T02:00:00.000Z',
    });
  });

  it('are owed by no other state', () => {
    expect(nextRepairOrderTimer(inState('CONFIRMED'))).toBeNull();
    expect(nextRepairOrderTimer(initialRepairOrderState)).toBeNull();
  });

  it('issue one command per booking and kind, however often set', () => {
    const timer = nextRepairOrderTimer(inState('BOOKED'))!;
    const once = repairOrderTimerCommand('ro-1', timer, 'c-1');
    const again = repairOrderTimerCommand('ro-1', timer, 'c-2');
    expect(once.commandId).toBe(again.commandId);
    expect(once).toMatchObject({
      type: 'RequestAppointmentConfirmation',
      payload: { bookingSeq: 2 },
      issuedAt: '2026-12-08T01:00:00.000Z',
      actor: { role: 'system', kind: 'automatic' },
    });
    expect(repairOrderTimerJobId('ro-1', timer)).toBe(
      'repair-timer.ro-1.2.confirm',
    );
  });
});
