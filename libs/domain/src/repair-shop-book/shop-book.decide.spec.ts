import { InvalidCommandDataError, type DecisionContext } from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import {
  RepairSlotUnavailableError,
  ReservationAlreadyHeldError,
  ReservationNotHeldError,
} from './shop-book.errors';
import type { ShopBookEvent } from './shop-book.events';
import { shopBookProcess } from './shop-book.process';
import type { ShopBookRules } from './shop-book.slots';

/** Weekends off, and 1 January 2027 a public holiday. */
const RULES: ShopBookRules = {
  calendar: {
    isWorkingDay: (day) =>
      day !== '2027-01-01' &&
      ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()),
  },
  marginHours: 2,
  openHour: 9,
  closeHour: 18,
  horizonDays: 60,
};
const { given } = deciderSpec(shopBookProcess, RULES);

const BOOK = '01956f3a-7c2e-7a10-9b1e-0a0000000777';
const sh = (local: string) =>
  new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();
const ctx = (now: string): DecisionContext => ({
  now,
  actor: {
    id: 'rec-1',
    role: 'repair-shop-receptionist',
    kind: 'person',
    subsidiary: 'sh',
  },
});

const configured: ShopBookEvent = {
  type: 'repair-shop-book.shop-configured',
  schemaVersion: 1,
  data: {
    shopCode: 'SH-MH-01',
    subsidiaryId: 'sh',
    name: '闵行维修站',
    bays: 1,
    partsOnHand: { 'BP-F': 1 },
    partsLeadHours: 48,
  },
};
const held = (id: string, slotStart: string, parts = {}): ShopBookEvent => ({
  type: 'repair-shop-book.slot-reserved',
  schemaVersion: 1,
  data: {
    reservationId: id,
    repairOrderId: id.split('/')[0],
    slotStart,
    slotEnd: new Date(Date.parse(slotStart) + 3_600_000).toISOString(),
    partsReserved: parts,
    partsToOrder: {},
  },
});
const reserve = (slotStart: string, parts?: Record<string, number>) => ({
  type: 'ReserveSlot' as const,
  ticketId: BOOK,
  payload: {
    reservationId: 'ro-9/1',
    repairOrderId: 'ro-9',
    slotStart,
    ...(parts ? { parts } : {}),
  },
});

describe('a reservation', () => {
  it('holds a free bay, reserving the parts on hand', () => {
    given([configured])
      .when(
        reserve(sh('2026-12-08 10:00'), { 'BP-F': 1 }),
        ctx(sh('2026-12-07 09:00')),
      )
      .then([held('ro-9/1', sh('2026-12-08 10:00'), { 'BP-F': 1 })]);
  });

  it('of the last bay of a Friday’s last slot names Monday 09:00 as the next free slot', () => {
    given([configured, held('ro-1/1', sh('2026-12-11 17:00'))])
      .when(reserve(sh('2026-12-11 17:00')), ctx(sh('2026-12-07 09:00')))
      .thenThrows(RepairSlotUnavailableError, {
        reason: 'fully-booked',
        nextFreeSlot: sh('2026-12-14 09:00'),
      });
  });

  it('skips a public holiday', () => {
    given([configured, held('ro-1/1', sh('2026-12-31 17:00'))])
      .when(reserve(sh('2026-12-31 17:00')), ctx(sh('2026-12-28 09:00')))
      .thenThrows(RepairSlotUnavailableError, {
        nextFreeSlot: sh('2027-01-04 09:00'),
      });
  });

  it('is refused outside working hours', () => {
    given([configured])
      .when(reserve(sh('2026-12-12 10:00')), ctx(sh('2026-12-07 09:00')))
      .thenThrows(RepairSlotUnavailableError, {
        reason: 'outside-working-hours',
        nextFreeSlot: sh('2026-12-14 09:00'),
      });
  });

  it('is refused past the 60 days the book is kept ahead, naming the first free slot', () => {
    given([configured])
      .when(reserve(sh('2027-02-08 10:00')), ctx(sh('2026-12-07 09:00')))
      .thenThrows(RepairSlotUnavailableError, {
        reason: 'beyond-booking-horizon',
        nextFreeSlot: sh('2026-12-07 11:00'),
      });
  });

  it('is refused inside the preparation margin', () => {
    given([configured])
      .when(reserve(sh('2026-12-07 10:00')), ctx(sh('2026-12-07 09:30')))
      .thenThrows(RepairSlotUnavailableError, {
        reason: 'within-preparation-margin',
        nextFreeSlot: sh('2026-12-07 12:00'),
      });
  });

  it('needing a part another booking holds waits for its lead time', () => {
    given([configured, held('ro-1/1', sh('2026-12-08 09:00'), { 'BP-F': 1 })])
      .when(
        reserve(sh('2026-12-08 10:00'), { 'BP-F': 1 }),
        ctx(sh('2026-12-07 09:00')),
      )
      .thenThrows(RepairSlotUnavailableError, {
        reason: 'parts-not-on-hand',
        partsToOrder: { 'BP-F': 1 },
        nextFreeSlot: sh('2026-12-09 11:00'),
      });
  });

  it('under an id the book already holds is refused, the first left as it was', () => {
    given([configured, held('ro-9/1', sh('2026-12-08 10:00'))])
      .when(reserve(sh('2026-12-08 11:00')), ctx(sh('2026-12-07 09:00')))
      .thenThrows(ReservationAlreadyHeldError, {
        reservationId: 'ro-9/1',
        slotStart: sh('2026-12-08 10:00'),
      });
  });

  it('of a part the shop names like an object’s own property counts it as not on hand', () => {
    given([configured])
      .when(
        reserve(sh('2026-12-08 10:00'), { constructor: 1 }),
        ctx(sh('2026-12-07 09:00')),
      )
      .thenThrows(RepairSlotUnavailableError, {
        reason: 'parts-not-on-hand',
        partsToOrder: { constructor: 1 },
      });
  });

  it('refuses part keys that are no part number, naming each', () => {
    given([configured])
      .when(
        {
          ...reserve(sh('2026-12-08 10:00')),
          payload: {
            ...reserve(sh('2026-12-08 10:00')).payload,
            parts: JSON.parse('{"__proto__": 1, "BP F": 1, "BP-F": 0}'),
          },
        },
        ctx(sh('2026-12-07 09:00')),
      )
      .thenThrows(InvalidCommandDataError, {
        fields: [
          {
            field: 'payload.parts.__proto__',
            message: 'is not a part number (letters, digits, - _ .)',
          },
          {
            field: 'payload.parts.BP F',
            message: 'is not a part number (letters, digits, - _ .)',
          },
          {
            field: 'payload.parts.BP-F',
            message: 'must be a whole number from 1 to 1000',
          },
        ],
      });
  });

  it('released leaves the book', () => {
    const released: ShopBookEvent = {
      type: 'repair-shop-book.slot-released',
      schemaVersion: 1,
      data: {
        reservationId: 'ro-1/1',
        repairOrderId: 'ro-1',
        reason: 'not-confirmed',
      },
    };
    const state = given([
      configured,
      held('ro-1/1', sh('2026-12-08 10:00')),
      released,
    ]).state;
    expect(state.reservations).toEqual({});
  });
});

describe('a release', () => {
  it('of a reservation the book does not hold is refused', () => {
    given([configured])
      .when(
        {
          type: 'ReleaseSlot',
          ticketId: BOOK,
          payload: { reservationId: 'ro-5/1', reason: 'x' },
        },
        ctx(sh('2026-12-07 09:00')),
      )
      .thenThrows(ReservationNotHeldError, { reservationId: 'ro-5/1' });
  });
});

describe('the shop’s set-up', () => {
  it('done again by headquarters leaves the shop with its subsidiary', () => {
    given([configured])
      .when(
        {
          type: 'ConfigureShop',
          ticketId: BOOK,
          payload: {
            shopCode: 'SH-MH-01',
            name: '闵行维修站',
            bays: 2,
            partsOnHand: {},
            partsLeadHours: 24,
          },
        },
        {
          ...ctx(sh('2026-12-07 09:00')),
          actor: {
            id: 'hq-1',
            role: 'fleet-admin',
            kind: 'person',
            headquarters: true,
          },
        },
      )
      .then([
        {
          type: 'repair-shop-book.shop-configured',
          schemaVersion: 1,
          data: {
            shopCode: 'SH-MH-01',
            subsidiaryId: 'sh',
            name: '闵行维修站',
            bays: 2,
            partsOnHand: {},
            partsLeadHours: 24,
          },
        },
      ]);
  });

  it('refuses no bays and a negative part count, naming both', () => {
    given([])
      .when(
        {
          type: 'ConfigureShop',
          ticketId: BOOK,
          payload: {
            shopCode: 'SH-1',
            name: '站',
            bays: 0,
            partsOnHand: { X: -1 },
            partsLeadHours: 0,
          },
        },
        {
          ...ctx(sh('2026-12-07 09:00')),
          actor: {
            id: 'f',
            role: 'fleet-admin',
            kind: 'person',
            subsidiary: 'sh',
          },
        },
      )
      .thenThrows(InvalidCommandDataError, {
        fields: [
          {
            field: 'payload.bays',
            message: 'must be a whole number from 1 to 100',
          },
          {
            field: 'payload.partsOnHand.X',
            message: 'must be a whole number from 0 to 1000000',
          },
        ],
      });
  });
});
