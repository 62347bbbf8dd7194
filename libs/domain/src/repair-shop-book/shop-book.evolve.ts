import type { ShopBookEvent } from './shop-book.events';
import type { ShopBookState } from './shop-book.state';

/** The fold of a shop's book. */
export function evolveShopBook(
  state: ShopBookState,
  event: ShopBookEvent,
): ShopBookState {
  switch (event.type) {
    case 'repair-shop-book.shop-configured': {
      const d = event.data;
      return {
        ...state,
        status: 'OPEN',
        shopCode: d.shopCode,
        subsidiaryId: d.subsidiaryId,
        name: d.name,
        bays: d.bays,
        partsOnHand: d.partsOnHand,
        partsLeadHours: d.partsLeadHours,
      };
    }
    case 'repair-shop-book.slot-reserved': {
      const d = event.data;
      return {
        ...state,
        reservations: {
          ...state.reservations,
          [d.reservationId]: {
            repairOrderId: d.repairOrderId,
            slotStart: d.slotStart,
            partsReserved: d.partsReserved,
          },
        },
      };
    }
    case 'repair-shop-book.slot-released': {
      const { [event.data.reservationId]: _released, ...rest } =
        state.reservations;
      return { ...state, reservations: rest };
    }
    default: {
      const unknown: never = event;
      throw new Error(
        `Unknown repair-shop-book event type: ${(unknown as { type: string }).type}`,
      );
    }
  }
}
