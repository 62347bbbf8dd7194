import {
  repairOrderProcess,
  SHOP_BOOK_PROCESS_ID,
  shopBookProcess,
  evolveShopBook,
  initialShopBookState,
  streamNameOf,
  TicketNotInStateError,
  type RepairOrderState,
  type ShopBookEvent,
} from '@opsdesk/domain';
import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import {
  CommandExecutor,
  fold,
  ProcessCatalog,
  type CommandEnvelope,
  type TicketNumberAllocator,
} from '@opsdesk/messaging';
import { createLogger, SteppableClock, uuidv7 } from '@opsdesk/platform';
import {
  repairOrderRulesFrom,
  repairOrderWiring,
  shopBookIdOf,
  shopBookRulesFrom,
  writeShopBook,
} from '@opsdesk/runtime';
import {
  startPostgresHarness,
  type PostgresHarness,
} from '../libs/event-store/src/testing/postgres-harness';
import { releaseSlotGivenBack } from '../libs/runtime/src/repair-order-slot-releases';
import { createTestSchema } from './support/database';

jest.setTimeout(60_000);

const logger = createLogger('repair-order-booking-test', 'silent');
/** `2026-12-07 09:00` in Shanghai (a Monday) as an ISO instant. */
const sh = (local: string) =>
  new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();
const SHOP = 'SH-RACE-02';
const reception = {
  id: 'rec-zhang',
  role: 'repair-shop-receptionist' as const,
  kind: 'person' as const,
  subsidiary: 'sh',
};

function envelope(
  ticketId: string,
  type: string,
  payload: Record<string, unknown>,
): CommandEnvelope {
  const commandId = uuidv7();
  return {
    commandId,
    processId: 'repair-order',
    ticketId,
    type,
    payload,
    actor: reception,
    correlationId: commandId,
    causationId: commandId,
    issuedAt: sh('2026-12-07 09:00'),
  };
}

/**
 * Booking on the real store through the executor and the repair shop's
 * preparers: the reservation is made in the shop's book before the visit
 * decides, so a visit changed in between must give the bay back; a slot
 * is given back only once the visit has recorded it.
 */
describe('the shop’s book and its visits under concurrent commands', () => {
  let harness: PostgresHarness;
  let executor: CommandExecutor;
  let catalog: ProcessCatalog;
  const clock = new SteppableClock(sh('2026-12-07 09:00'));
  /** Runs once, just before the append of the command it names. */
  let beforeAppendOf: { commandId: string; run: () => Promise<void> } | null =
    null;

  beforeAll(async () => {
    harness = await startPostgresHarness(
      await createTestSchema('repair_booking'),
    );
    const store: EventStore = Object.create(harness.store) as EventStore;
    store.appendToStream = async (stream, events, options) => {
      const hook = beforeAppendOf;
      if (hook && events[0]?.metadata.commandId === hook.commandId) {
        beforeAppendOf = null;
        await hook.run();
      }
      return harness.store.appendToStream(stream, events, options);
    };
    catalog = new ProcessCatalog()
      .register(repairOrderProcess, repairOrderRulesFrom({}))
      .register(shopBookProcess, shopBookRulesFrom({}));
    const numbers = {
      next: async () => `RO-20261207-${String(Date.now()).slice(-4)}`,
    } as unknown as TicketNumberAllocator;
    const preparers = repairOrderWiring.preparers!({
      store,
      pool: harness.pool,
      numbers,
      clock,
    });
    executor = new CommandExecutor(
      store,
      catalog,
      logger,
      new Map(preparers),
      () => clock.now(),
    );
    await writeShopBook(
      harness.store,
      shopBookRulesFrom({}),
      SHOP,
      {
        ...envelope('shop', 'ConfigureShop', {}),
        actor: { ...reception, role: 'fleet-admin' },
      },
      'ConfigureShop',
      {
        shopCode: SHOP,
        name: '并发改约维修站',
        bays: 1,
        partsOnHand: {},
        partsLeadHours: 0,
      },
      () => clock.now(),
    );
  });

  afterAll(async () => {
    await harness?.cleanup();
  });

  async function book(): Promise<RecordedEvent[]> {
    return harness.store.readStream(
      streamNameOf(SHOP_BOOK_PROCESS_ID, shopBookIdOf(SHOP)),
    );
  }

  function releases() {
    return {
      store: harness.store,
      rules: shopBookRulesFrom({}),
      clock,
      logger,
    };
  }

  function visitState(events: readonly RecordedEvent[]): RepairOrderState {
    const process = catalog.get('repair-order')!;
    return fold(process, events) as unknown as RepairOrderState;
  }

  function held(events: readonly RecordedEvent[]) {
    return events.reduce(
      (state, e) => evolveShopBook(state, e as unknown as ShopBookEvent),
      initialShopBookState,
    ).reservations;
  }

  it('gives back the bay of a rebooking that lost to another one of the same visit', async () => {
    const visit = uuidv7();
    await executor.execute(
      envelope(visit, 'BookAppointment', {
        shopCode: SHOP,
        kind: 'mechanical-repair',
        vehicle: { plate: '沪A·R7001', model: '荣威 Ei5' },
        customer: { phone: '13800138000' },
        symptoms: '制动时异响',
        slotStart: sh('2026-12-08 10:00'),
        bring: ['maintenance-manual'],
      }),
    );
    await executor.execute(
      envelope(visit, 'ShopCannotKeepAppointment', { reason: '举升机故障' }),
    );
    // What the visits' log follower does with the event.
    const told = await harness.store.readStream(
      streamNameOf('repair-order', visit),
    );
    await releaseSlotGivenBack(releases(), told.at(-1)!, told);

    // Two receptionists rebook the visit at once: X reserves 11:00 first,
    // then Y reserves 14:00 and is decided before X's decision is stored.
    const x = envelope(visit, 'RebookAppointment', {
      slotStart: sh('2026-12-08 11:00'),
    });
    const y = envelope(visit, 'RebookAppointment', {
      slotStart: sh('2026-12-08 14:00'),
    });
    beforeAppendOf = {
      commandId: x.commandId,
      run: async () => {
        await executor.execute(y);
      },
    };
    await expect(executor.execute(x)).rejects.toBeInstanceOf(
      TicketNotInStateError,
    );

    const events = await harness.store.readStream(
      streamNameOf('repair-order', visit),
    );
    const state = visitState(events);
    expect(state.status).toBe('BOOKED');
    expect(state.appointment?.slotStart).toBe(sh('2026-12-08 14:00'));

    const history = await book();
    const visitHolds = Object.entries(held(history)).filter(
      ([, r]) => r.repairOrderId === visit,
    );
    // Only the winner's bay is held, and it is the one the visit names.
    expect(visitHolds).toEqual([
      [
        state.appointment!.reservationId,
        expect.objectContaining({ slotStart: sh('2026-12-08 14:00') }),
      ],
    ]);
    expect(history.at(-1)).toMatchObject({
      type: 'repair-shop-book.slot-released',
      data: {
        reservationId: expect.stringMatching(
          new RegExp(`^${visit}/2/${x.commandId}$`),
        ),
        reason: 'visit-refused',
      },
    });
  });

  it('keeps the bay of a visit whose confirmation beat the expiry, and releases one that expired only from the log', async () => {
    const visitFor = async (plate: string, slot: string) => {
      clock.set(sh('2026-12-07 09:00'));
      const visit = uuidv7();
      await executor.execute(
        envelope(visit, 'BookAppointment', {
          shopCode: SHOP,
          kind: 'periodic-maintenance',
          vehicle: { plate, model: '荣威 Ei5' },
          customer: { phone: '13800138000' },
          symptoms: '定期保养',
          slotStart: sh(slot),
          bring: ['maintenance-manual'],
        }),
      );
      clock.set(new Date(Date.parse(sh(slot)) - 3_600_000));
      await executor.execute({
        ...envelope(visit, 'RequestAppointmentConfirmation', {
          bookingSeq: 1,
        }),
        actor: { id: 'system:repair-timer', role: 'system', kind: 'automatic' },
      });
      clock.set(sh(slot));
      return visit;
    };
    const expiry = (visit: string) => ({
      ...envelope(visit, 'ExpireUnconfirmedAppointment', { bookingSeq: 1 }),
      actor: {
        id: 'system:repair-timer',
        role: 'system' as const,
        kind: 'automatic' as const,
      },
    });

    // The customer confirms at the appointment's instant, while the
    // expiry is being decided: the expiry is refused on its next attempt.
    const kept = await visitFor('沪A·R7002', '2026-12-09 10:00');
    const raced = expiry(kept);
    beforeAppendOf = {
      commandId: raced.commandId,
      run: async () => {
        await executor.execute(
          envelope(kept, 'RecordConfirmation', { confirmed: true }),
        );
      },
    };
    await expect(executor.execute(raced)).rejects.toBeInstanceOf(
      TicketNotInStateError,
    );
    const keptState = visitState(
      await harness.store.readStream(streamNameOf('repair-order', kept)),
    );
    expect(keptState.status).toBe('CONFIRMED');
    expect(Object.keys(held(await book()))).toContain(
      keptState.appointment!.reservationId,
    );

    // An expiry the visit records gives its slot back from the log, once.
    const lapsed = await visitFor('沪A·R7003', '2026-12-09 11:00');
    await executor.execute(expiry(lapsed));
    const stream = await harness.store.readStream(
      streamNameOf('repair-order', lapsed),
    );
    const { reservationId } = visitState(stream.slice(0, -1)).appointment!;
    expect(Object.keys(held(await book()))).toContain(reservationId);
    const deps = releases();
    expect(await releaseSlotGivenBack(deps, stream.at(-1)!, stream)).toBe(true);
    expect(await releaseSlotGivenBack(deps, stream.at(-1)!, stream)).toBe(true);
    const after = await book();
    expect(Object.keys(held(after))).not.toContain(reservationId);
    expect(
      after.filter(
        (e) =>
          e.type === 'repair-shop-book.slot-released' &&
          (e.data as { reservationId: string }).reservationId === reservationId,
      ),
    ).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ reason: 'not-confirmed' }),
      }),
    ]);
  });
});
