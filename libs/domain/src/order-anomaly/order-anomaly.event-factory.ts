import { eventFactory } from '../shared';
import type { OrderAnomalyEvent } from './order-anomaly.events';

export const ORDER_ANOMALY_SCHEMA_VERSION = 1;

/** An event at the current schema version, without `undefined` keys. */
export const orderAnomalyEvent = eventFactory<OrderAnomalyEvent>(
  ORDER_ANOMALY_SCHEMA_VERSION,
);
