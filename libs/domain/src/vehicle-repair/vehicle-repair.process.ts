import { nextEventTypesByTable, type ProcessDefinition } from '../shared';
import {
  VEHICLE_REPAIR_COMMAND_TYPES,
  type VehicleRepairCommand,
} from './vehicle-repair.commands';
import { vehicleRepairCustody } from './vehicle-repair.custody';
import {
  decideVehicleRepair,
  VEHICLE_REPAIR_PROCESS_ID,
} from './vehicle-repair.decide';
import type {
  VehicleRepairEvent,
  VehicleRepairEventType,
} from './vehicle-repair.events';
import { evolveVehicleRepair } from './vehicle-repair.evolve';
import { VEHICLE_REPAIR_EVENT_LABELS } from './vehicle-repair.labels';
import { VEHICLE_REPAIR_PERSONAL_DATA } from './vehicle-repair.personal-data';
import {
  DEFAULT_VEHICLE_REPAIR_RULES,
  type VehicleRepairRules,
} from './vehicle-repair.rules';
import {
  initialVehicleRepairState,
  type VehicleRepairState,
} from './vehicle-repair.state';
import {
  VEHICLE_REPAIR_STATES,
  type VehicleRepairStatus,
} from './vehicle-repair.states';
import { VEHICLE_REPAIR_TRANSITIONS } from './vehicle-repair.transitions';

const TERMINAL: readonly VehicleRepairStatus[] = [
  'CLOSED_REPAIRED',
  'CLOSED_UNREPAIRED',
];

/** 车辆报修与救援维修 (the repair texts G1–G4) as the engine runs it. */
export const vehicleRepairProcess: ProcessDefinition<
  VehicleRepairState,
  VehicleRepairCommand,
  VehicleRepairEvent,
  VehicleRepairRules | undefined
> = {
  processId: VEHICLE_REPAIR_PROCESS_ID,
  title: { zh: '车辆报修与救援维修', en: 'Vehicle fault, rescue and repair' },
  initialState: initialVehicleRepairState,
  commandTypes: VEHICLE_REPAIR_COMMAND_TYPES,
  eventTypes: Object.keys(
    VEHICLE_REPAIR_EVENT_LABELS,
  ) as VehicleRepairEventType[],
  stateLabels: VEHICLE_REPAIR_STATES,
  eventLabels: VEHICLE_REPAIR_EVENT_LABELS,
  evolve: evolveVehicleRepair,
  // Callers that hold no configuration (the audit tool's replays, the
  // permission check) decide with the defaults.
  decide: (command, state, context, rules) =>
    decideVehicleRepair(
      command,
      state,
      context,
      rules ?? DEFAULT_VEHICLE_REPAIR_RULES,
    ),
  custody: vehicleRepairCustody,
  isTerminal: (state) => TERMINAL.includes(state.status),
  personalData: VEHICLE_REPAIR_PERSONAL_DATA,
};

/** The event types that may follow in a stream folded to `status`. */
export function nextVehicleRepairEventTypes(
  status: VehicleRepairStatus,
  previous?: VehicleRepairEventType,
): VehicleRepairEventType[] {
  return nextEventTypesByTable(VEHICLE_REPAIR_TRANSITIONS, status, previous);
}
