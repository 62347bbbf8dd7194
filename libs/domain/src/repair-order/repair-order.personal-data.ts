import type { RepairOrderEventType } from './repair-order.events';

/** The customer's phone and name are the process's personal data. */
export const REPAIR_ORDER_PERSONAL_DATA: Readonly<
  Partial<Record<RepairOrderEventType, readonly string[]>>
> = {
  'repair-order.appointment-booked': ['customer.phone', 'customer.name'],
  'repair-order.walk-in-registered': ['customer.phone', 'customer.name'],
};
