import type { DomainCommand } from '../shared';

type C<T extends string, P extends object> = DomainCommand<T, P>;

/** Parts by part number, with a count. */
export type PartCounts = Record<string, number>;

/** The shop's capacity: bays (工位/技师) per slot and the parts on hand. */
export type ConfigureShop = C<
  'ConfigureShop',
  {
    shopCode: string;
    name: string;
    bays: number;
    partsOnHand: PartCounts;
    /** Hours to get a part that is not on hand (订购周期). */
    partsLeadHours: number;
  }
>;
/** One bay of one slot for a repair order, with the parts it needs. */
export type ReserveSlot = C<
  'ReserveSlot',
  {
    reservationId: string;
    repairOrderId: string;
    slotStart: string;
    parts?: PartCounts;
  }
>;
/** The slot goes back to the book (declined, unconfirmed, shop cannot). */
export type ReleaseSlot = C<
  'ReleaseSlot',
  { reservationId: string; reason: string }
>;

export type ShopBookCommand = ConfigureShop | ReserveSlot | ReleaseSlot;
export type ShopBookCommandType = ShopBookCommand['type'];

const COMMAND_TYPES: Record<ShopBookCommandType, true> = {
  ConfigureShop: true,
  ReserveSlot: true,
  ReleaseSlot: true,
};

export const SHOP_BOOK_COMMAND_TYPES = Object.keys(
  COMMAND_TYPES,
) as ShopBookCommandType[];
