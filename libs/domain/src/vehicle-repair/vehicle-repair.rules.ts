/** What an installation may set for the vehicle-repair process. */
export interface VehicleRepairRules {
  /** Days of warranty after delivery (G1 9 gives no number). */
  warrantyDays: number;
}

/**
 * 30 days: the warranty the Ministry of Transport's 机动车维修管理规定
 * sets for a second-level service (二级维护); small repairs get 10, whole
 * vehicle or assembly overhauls 100. One number for every repair until
 * the business asks for one per kind of work.
 */
export const DEFAULT_VEHICLE_REPAIR_RULES: VehicleRepairRules = {
  warrantyDays: 30,
};

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * The end of the warranty: midnight in Shanghai after the last of
 * `days` calendar days counted from the delivery's Shanghai date
 * (Shanghai keeps UTC+8 all year, so the offset is fixed).
 */
export function warrantyEndsAt(deliveredAt: string, days: number): string {
  const local = new Date(Date.parse(deliveredAt) + SHANGHAI_OFFSET_MS);
  const midnight = Date.UTC(
    local.getUTCFullYear(),
    local.getUTCMonth(),
    local.getUTCDate() + days + 1,
  );
  return new Date(midnight - SHANGHAI_OFFSET_MS).toISOString();
}
