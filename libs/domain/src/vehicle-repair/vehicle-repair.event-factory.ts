import { eventFactory } from '../shared';
import type { VehicleRepairEvent } from './vehicle-repair.events';

export const VEHICLE_REPAIR_SCHEMA_VERSION = 1;

/** An event at the current schema version, without `undefined` keys. */
export const vehicleRepairEvent = eventFactory<VehicleRepairEvent>(
  VEHICLE_REPAIR_SCHEMA_VERSION,
);
