import type { Label } from '../shared';

/** The states of a shop's appointment book (预约登记簿). */
export const SHOP_BOOK_STATES = {
  NEW: { zh: '未建立', en: 'Not set up' },
  OPEN: { zh: '预约登记簿已开放', en: 'Open for bookings' },
} as const satisfies Record<string, Label>;

export type ShopBookStatus = keyof typeof SHOP_BOOK_STATES;
