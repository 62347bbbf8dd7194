import type { OrderAnomalyEventType } from './order-anomaly.events';

/** The caller's phone and name are the process's personal data. */
export const ORDER_ANOMALY_PERSONAL_DATA: Readonly<
  Partial<Record<OrderAnomalyEventType, readonly string[]>>
> = {
  'order-anomaly.reported': ['caller.phone', 'caller.name'],
};
