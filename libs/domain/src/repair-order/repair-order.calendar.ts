import {
  DAY_MS,
  shanghaiDayOf,
  shanghaiMidnight,
} from '../deadlines/shanghai-time';
import { plateKey } from '../vehicle-repair/vehicle-repair.payload-checks';

/**
 * The end of the shop's warranty: midnight in Shanghai after the last of
 * `days` calendar days counted from the day of delivery, the reading the
 * vehicle-repair process gives its own warranty.
 */
export function repairWarrantyEndsAt(
  deliveredAt: string,
  days: number,
): string {
  const deliveryDay = shanghaiMidnight(shanghaiDayOf(Date.parse(deliveredAt)));
  return new Date(deliveryDay + (days + 1) * DAY_MS).toISOString();
}

/**
 * A plate as the shop compares it (a comeback, repairs per vehicle): the
 * same key a vehicle-repair report compares plates by, so `沪A·R1001`
 * and `沪ar 1001` are one car. Never stored in place of the plate typed.
 */
export function repairPlateKey(plate: string): string {
  return plateKey(plate);
}
