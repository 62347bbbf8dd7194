import type {
  RepairOrderEvent,
  RepairOrderEventType,
} from './repair-order.events';

type EventOf<T extends RepairOrderEventType> = Extract<
  RepairOrderEvent,
  { type: T }
>;

export const REPAIR_ORDER_SCHEMA_VERSION = 1;

/** An event at the current schema version, without `undefined` keys. */
export function repairOrderEvent<T extends RepairOrderEventType>(
  type: T,
  data: EventOf<T>['data'],
): EventOf<T> {
  const clean = Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== undefined),
  );
  return {
    type,
    schemaVersion: REPAIR_ORDER_SCHEMA_VERSION,
    data: clean,
  } as unknown as EventOf<T>;
}
