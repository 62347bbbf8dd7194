import type { DomainEvent } from '../shared';
import type { PartCounts } from './shop-book.commands';

type E<T extends string, D extends object> = DomainEvent<
  `repair-shop-book.${T}`,
  D
>;

export type ShopConfigured = E<
  'shop-configured',
  {
    shopCode: string;
    subsidiaryId?: string;
    name: string;
    bays: number;
    partsOnHand: PartCounts;
    partsLeadHours: number;
  }
>;
/** A bay of a slot held for a repair order; parts not on hand are ordered. */
export type SlotReserved = E<
  'slot-reserved',
  {
    reservationId: string;
    repairOrderId: string;
    slotStart: string;
    slotEnd: string;
    partsReserved: PartCounts;
    partsToOrder: PartCounts;
  }
>;
export type SlotReleased = E<
  'slot-released',
  { reservationId: string; repairOrderId: string; reason: string }
>;

export type ShopBookEvent = ShopConfigured | SlotReserved | SlotReleased;
export type ShopBookEventType = ShopBookEvent['type'];
