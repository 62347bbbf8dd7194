import type { Label } from '../shared';
import type { ShopBookEventType } from './shop-book.events';

export const SHOP_BOOK_EVENT_LABELS: Record<ShopBookEventType, Label> = {
  'repair-shop-book.shop-configured': {
    zh: '设置维修站产能',
    en: 'Shop capacity set',
  },
  'repair-shop-book.slot-reserved': {
    zh: '登记预约时段',
    en: 'Slot reserved',
  },
  'repair-shop-book.slot-released': {
    zh: '释放预约时段',
    en: 'Slot released',
  },
};
