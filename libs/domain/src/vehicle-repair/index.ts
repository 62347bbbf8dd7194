// Only what other layers use: the step types stay inside, so their
// plain names (ApproveQuote, RepairCompleted, …) cannot collide with
// another repair process's exports.
export {
  VEHICLE_REPAIR_COMMAND_TYPES,
  type VehicleRepairCommand,
  type VehicleRepairCommandType,
} from './vehicle-repair.commands';
export { vehicleRepairCustody } from './vehicle-repair.custody';
export {
  decideVehicleRepair,
  VEHICLE_REPAIR_PROCESS_ID,
} from './vehicle-repair.decide';
export {
  VehicleRepairNotFleetAdminError,
  VehicleRepairPlateMismatchError,
  VehicleRepairWarrantyExpiredError,
} from './vehicle-repair.errors';
export type {
  VehicleRepairContactOutcome,
  VehicleRepairEvent,
  VehicleRepairEventType,
  VehicleRepairFaultClass,
  VehicleRepairPayer,
} from './vehicle-repair.events';
export { evolveVehicleRepair } from './vehicle-repair.evolve';
export { VEHICLE_REPAIR_EVENT_LABELS } from './vehicle-repair.labels';
export { VEHICLE_REPAIR_PERSONAL_DATA } from './vehicle-repair.personal-data';
export {
  nextVehicleRepairEventTypes,
  vehicleRepairProcess,
} from './vehicle-repair.process';
export {
  DEFAULT_VEHICLE_REPAIR_RULES,
  type VehicleRepairRules,
} from './vehicle-repair.rules';
export {
  initialVehicleRepairState,
  type VehicleRepairState,
} from './vehicle-repair.state';
export {
  VEHICLE_REPAIR_STATES,
  type VehicleRepairStatus,
} from './vehicle-repair.states';
export {
  VEHICLE_REPAIR_TRANSITIONS,
  type VehicleRepairRule,
} from './vehicle-repair.transitions';
