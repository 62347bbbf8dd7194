import {
  DEFAULT_VEHICLE_REPAIR_RULES,
  VEHICLE_REPAIR_PROCESS_ID,
  vehicleRepairProcess,
  type VehicleRepairRules,
} from '@opsdesk/domain';
import type { CommandPreparer } from '@opsdesk/messaging';
import { ConfigError } from '@opsdesk/platform';
import type { ProcessWiring } from './process-wirings';

const P = VEHICLE_REPAIR_PROCESS_ID;

/**
 * `VEHICLE_REPAIR_WARRANTY_DAYS`: the warranty after delivery, in days
 * (30 by default, from 1 to 3650).
 */
export function vehicleRepairRulesFrom(
  env: NodeJS.ProcessEnv,
): VehicleRepairRules {
  const value = env.VEHICLE_REPAIR_WARRANTY_DAYS;
  if (value === undefined || value === '') return DEFAULT_VEHICLE_REPAIR_RULES;
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > 3650) {
    throw new ConfigError(
      'VEHICLE_REPAIR_WARRANTY_DAYS must be a whole number of days from 1 to 3650',
    );
  }
  return { warrantyDays: days };
}

/**
 * 车辆报修与救援维修 (the repair texts G1–G4): a `VR-` number for each report
 * and the warranty period from the environment. No automation: every
 * step is a person's.
 */
export const vehicleRepairWiring: ProcessWiring = {
  register: (catalog) =>
    catalog.register(vehicleRepairProcess, vehicleRepairRulesFrom(process.env)),
  preparers: ({ numbers }) => {
    const numbered: CommandPreparer = async (command) => ({
      ...command,
      payload: {
        ...command.payload,
        ticketNumber: await numbers.next('VR', new Date(command.issuedAt)),
      },
    });
    return [[`${P}/ReportVehicleFault`, numbered]];
  },
};
