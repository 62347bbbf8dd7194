import type { TableRule } from '../shared';
import type { ShopBookCommandType } from './shop-book.commands';
import type { ShopBookEventType } from './shop-book.events';
import type { ShopBookStatus } from './shop-book.states';

export type ShopBookRule = TableRule<
  ShopBookCommandType,
  ShopBookEventType,
  ShopBookStatus
>;

/** Whoever may book a repair order may reserve its slot through it. */
const BOOKERS = [
  'repair-shop-receptionist',
  'fleet-admin',
  'cs-phone-agent',
  'user',
] as const;

export const SHOP_BOOK_TRANSITIONS: readonly ShopBookRule[] = [
  {
    command: 'ConfigureShop',
    from: 'NEW',
    roles: ['fleet-admin', 'repair-shop-receptionist'],
    outcomes: [{ events: ['repair-shop-book.shop-configured'], to: 'OPEN' }],
  },
  {
    command: 'ConfigureShop',
    from: 'OPEN',
    roles: ['fleet-admin', 'repair-shop-receptionist'],
    outcomes: [{ events: ['repair-shop-book.shop-configured'], to: 'OPEN' }],
  },
  {
    command: 'ReserveSlot',
    from: 'OPEN',
    roles: [...BOOKERS, 'system'],
    outcomes: [{ events: ['repair-shop-book.slot-reserved'], to: 'OPEN' }],
  },
  {
    command: 'ReleaseSlot',
    from: 'OPEN',
    roles: [...BOOKERS, 'system'],
    outcomes: [{ events: ['repair-shop-book.slot-released'], to: 'OPEN' }],
  },
];
