import type { VehicleRepairEventType } from './vehicle-repair.events';

/** The caller's phone and name, and who collected the car. */
export const VEHICLE_REPAIR_PERSONAL_DATA: Readonly<
  Partial<Record<VehicleRepairEventType, readonly string[]>>
> = {
  'vehicle-repair.reported': ['caller.phone', 'caller.name'],
  'vehicle-repair.vehicle-delivered': ['collectedBy'],
};
