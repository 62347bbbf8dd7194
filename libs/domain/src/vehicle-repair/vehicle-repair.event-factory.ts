import type {
  VehicleRepairEvent,
  VehicleRepairEventType,
} from './vehicle-repair.events';

type EventOf<T extends VehicleRepairEventType> = Extract<
  VehicleRepairEvent,
  { type: T }
>;

export const VEHICLE_REPAIR_SCHEMA_VERSION = 1;

/** An event at the current schema version, without `undefined` keys. */
export function vehicleRepairEvent<T extends VehicleRepairEventType>(
  type: T,
  data: EventOf<T>['data'],
): EventOf<T> {
  const clean = Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== undefined),
  );
  return {
    type,
    schemaVersion: VEHICLE_REPAIR_SCHEMA_VERSION,
    data: clean,
  } as unknown as EventOf<T>;
}
