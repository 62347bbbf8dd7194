import type { TableState } from '../shared';
import type { PartCounts } from './shop-book.commands';
import { countOf } from './shop-book.parts';
import type { ShopBookStatus } from './shop-book.states';

export interface ShopReservation {
  repairOrderId: string;
  slotStart: string;
  partsReserved: PartCounts;
}

/** One shop's appointment book as folded from its events. */
export interface ShopBookState extends TableState<ShopBookStatus> {
  shopCode?: string;
  name?: string;
  bays: number;
  partsOnHand: PartCounts;
  partsLeadHours: number;
  /** The reservations still held, by reservation id. */
  reservations: Record<string, ShopReservation>;
}

export const initialShopBookState: ShopBookState = {
  status: 'NEW',
  bays: 0,
  partsOnHand: {},
  partsLeadHours: 0,
  reservations: {},
};

/** Parts on hand minus those held by open reservations. */
export function partsAvailable(state: ShopBookState): PartCounts {
  const left: PartCounts = { ...state.partsOnHand };
  for (const reservation of Object.values(state.reservations)) {
    for (const [part, count] of Object.entries(reservation.partsReserved)) {
      left[part] = countOf(left, part) - count;
    }
  }
  return left;
}

/** How many bays of the slot starting at `slotStart` are held. */
export function baysHeld(state: ShopBookState, slotStartMs: number): number {
  return Object.values(state.reservations).filter(
    (r) => Date.parse(r.slotStart) === slotStartMs,
  ).length;
}
