import type {
  OrderAnomalyEvent,
  OrderAnomalyEventType,
} from './order-anomaly.events';

type EventOf<T extends OrderAnomalyEventType> = Extract<
  OrderAnomalyEvent,
  { type: T }
>;

export const ORDER_ANOMALY_SCHEMA_VERSION = 1;

/** An event at the current schema version, without `undefined` keys. */
export function orderAnomalyEvent<T extends OrderAnomalyEventType>(
  type: T,
  data: EventOf<T>['data'],
): EventOf<T> {
  const clean = Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== undefined),
  );
  return {
    type,
    schemaVersion: ORDER_ANOMALY_SCHEMA_VERSION,
    data: clean,
  } as unknown as EventOf<T>;
}
