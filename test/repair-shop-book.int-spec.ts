import {
  RepairSlotUnavailableError,
  SHOP_BOOK_PROCESS_ID,
  streamNameOf,
  type ShopBookRules,
} from '@opsdesk/domain';
import type { CommandEnvelope } from '@opsdesk/messaging';
import { shopBookIdOf, writeShopBook } from '@opsdesk/runtime';
import {
  startPostgresHarness,
  type PostgresHarness,
} from '../libs/event-store/src/testing/postgres-harness';
import { createTestSchema } from './support/database';

jest.setTimeout(60_000);

const RULES: ShopBookRules = {
  calendar: { isWorkingDay: () => true },
  marginHours: 2,
  openHour: 9,
  closeHour: 18,
  horizonDays: 30,
};
const NOW = new Date('2026-12-07T01:00:00.000Z'); // 09:00 in Shanghai
const SLOT = '2026-12-08T02:00:00.000Z'; // 10:00 the next day
const SHOP = 'SH-RACE-01';

function cause(id: string, role = 'repair-shop-receptionist'): CommandEnvelope {
  return {
    commandId: id,
    processId: 'repair-order',
    ticketId: `ro-${id}`,
    type: 'BookAppointment',
    payload: {},
    actor: { id: 'rec-1', role: role as never, kind: 'person' },
    correlationId: id,
    causationId: id,
    issuedAt: NOW.toISOString(),
  };
}

/**
 * The appointment book on the real PostgreSQL store: concurrent bookings
 * of one slot are decided against each other through the stream's
 * expected revision, so the shop is never overbooked.
 */
describe('a shop’s appointment book under concurrent bookings', () => {
  let harness: PostgresHarness;

  beforeAll(async () => {
    harness = await startPostgresHarness(await createTestSchema('shop_book'), {
      poolSize: 12,
    });
    await writeShopBook(
      harness.store,
      RULES,
      SHOP,
      cause('00000000-0000-7000-8000-000000000001', 'fleet-admin'),
      'ConfigureShop',
      {
        shopCode: SHOP,
        name: '并发测试维修站',
        bays: 2,
        partsOnHand: {},
        partsLeadHours: 0,
      },
      () => NOW,
    );
  });

  afterAll(async () => {
    await harness?.cleanup();
  });

  const book = (n: number) =>
    writeShopBook(
      harness.store,
      RULES,
      SHOP,
      cause(`00000000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`),
      'ReserveSlot',
      {
        reservationId: `ro-${n}/1`,
        repairOrderId: `ro-${n}`,
        slotStart: SLOT,
      },
      () => NOW,
    );

  it('gives the two bays of a slot to two of eight bookings and refuses the rest', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, n) => book(n)),
    );
    const held = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) =>
      o.status === 'rejected' ? [o.reason as unknown] : [],
    );
    expect(held).toHaveLength(2);
    expect(refused).toHaveLength(6);
    for (const error of refused) {
      expect(error).toBeInstanceOf(RepairSlotUnavailableError);
      expect((error as RepairSlotUnavailableError).details()).toMatchObject({
        reason: 'fully-booked',
        nextFreeSlot: '2026-12-08T03:00:00.000Z',
      });
    }
    const stream = await harness.store.readStream(
      streamNameOf(SHOP_BOOK_PROCESS_ID, shopBookIdOf(SHOP)),
    );
    expect(
      stream.filter((e) => e.type === 'repair-shop-book.slot-reserved'),
    ).toHaveLength(2);
  });

  it('answers a retried booking with its reservation, appending nothing', async () => {
    const stream = streamNameOf(SHOP_BOOK_PROCESS_ID, shopBookIdOf(SHOP));
    const before = await harness.store.readStream(stream);
    const winner = before.find(
      (e) => e.type === 'repair-shop-book.slot-reserved',
    )!;
    const n = Number(
      (winner.data as { repairOrderId: string }).repairOrderId.slice(3),
    );
    const again = await book(n);
    expect(again[0].data).toEqual(winner.data);
    expect(await harness.store.readStream(stream)).toHaveLength(before.length);
  });
});
