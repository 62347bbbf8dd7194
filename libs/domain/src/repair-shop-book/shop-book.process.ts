import type { ProcessDefinition } from '../shared';
import {
  SHOP_BOOK_COMMAND_TYPES,
  type ShopBookCommand,
} from './shop-book.commands';
import { decideShopBook, SHOP_BOOK_PROCESS_ID } from './shop-book.decide';
import type { ShopBookEvent, ShopBookEventType } from './shop-book.events';
import { evolveShopBook } from './shop-book.evolve';
import { SHOP_BOOK_EVENT_LABELS } from './shop-book.labels';
import type { ShopBookRules } from './shop-book.slots';
import { initialShopBookState, type ShopBookState } from './shop-book.state';
import { SHOP_BOOK_STATES } from './shop-book.states';

/**
 * A repair shop's appointment book (预约登记簿, G5 §1), one stream per
 * shop: every reservation is decided against the slots already held, and
 * the stream's expected revision makes two bookings of the last bay of a
 * slot impossible (the second is decided again and refused).
 */
export const shopBookProcess: ProcessDefinition<
  ShopBookState,
  ShopBookCommand,
  ShopBookEvent,
  ShopBookRules
> = {
  processId: SHOP_BOOK_PROCESS_ID,
  title: { zh: '维修站预约登记簿', en: 'Repair-shop appointment book' },
  initialState: initialShopBookState,
  commandTypes: SHOP_BOOK_COMMAND_TYPES,
  eventTypes: Object.keys(SHOP_BOOK_EVENT_LABELS) as ShopBookEventType[],
  stateLabels: SHOP_BOOK_STATES,
  eventLabels: SHOP_BOOK_EVENT_LABELS,
  evolve: evolveShopBook,
  decide: (command, state, context, rules) =>
    decideShopBook(command, state, context, rules),
  custody: () => ({ role: null }),
  isTerminal: () => false,
};
