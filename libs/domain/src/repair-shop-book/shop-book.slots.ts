import type { WorkingCalendar } from '../deadlines/working-calendar.port';
import {
  HOUR_MS,
  shanghaiDayOf,
  shanghaiHourOf,
  shanghaiHourStart,
} from './shop-book.time';

/** How the shop's working time is cut into bookable slots. */
export interface ShopBookRules {
  calendar: WorkingCalendar;
  /** No slot starts earlier than this many hours from now (预约准备余量). */
  marginHours: number;
  /** First and last+1 working hour, Shanghai time: slots are one hour. */
  openHour: number;
  closeHour: number;
  /** How far ahead a free slot is looked for. */
  horizonDays: number;
}

export const DEFAULT_SHOP_HOURS = {
  marginHours: 2,
  openHour: 9,
  closeHour: 18,
  horizonDays: 60,
} as const;

/** Why a slot start is not bookable at all (whatever the shop's load). */
export function slotProblem(
  slotStartMs: number,
  rules: ShopBookRules,
): 'not-on-the-hour' | 'outside-working-hours' | null {
  if (slotStartMs % HOUR_MS !== 0) return 'not-on-the-hour';
  const hour = shanghaiHourOf(slotStartMs);
  const workingDay = rules.calendar.isWorkingDay(shanghaiDayOf(slotStartMs));
  if (!workingDay || hour < rules.openHour || hour >= rules.closeHour) {
    return 'outside-working-hours';
  }
  return null;
}

/**
 * The first working slot at or after `fromMs` for which `isFree` holds,
 * within the horizon; null when none is.
 */
export function firstSlotFrom(
  fromMs: number,
  rules: ShopBookRules,
  isFree: (slotStartMs: number) => boolean,
): number | null {
  const until = fromMs + rules.horizonDays * 24 * HOUR_MS;
  let candidate = shanghaiHourStart(fromMs);
  if (candidate < fromMs) candidate += HOUR_MS;
  for (; candidate <= until; candidate += HOUR_MS) {
    if (slotProblem(candidate, rules) === null && isFree(candidate)) {
      return candidate;
    }
  }
  return null;
}
