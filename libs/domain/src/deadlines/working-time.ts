import type { WorkingPeriod } from './deadline-policy.types';
import type { WorkingCalendar } from './working-calendar.port';
import {
  MINUTE_MS,
  minutesOfDay,
  nextDay,
  shanghaiDayOf,
  shanghaiMidnight,
} from './shanghai-time';

/** A calendar with no working day for this long is a broken calendar. */
const MAX_DAYS_SEARCHED = 366 * 3;

/** No working time in the years searched: the calendar or hours are wrong. */
export class NoWorkingTimeError extends Error {
  readonly code = 'NO_WORKING_TIME';

  constructor(readonly from: string) {
    super(`No working time within ${MAX_DAYS_SEARCHED} days of ${from}`);
  }
}

/** The working periods of one day as instants, in order. */
function periodsOn(
  day: string,
  hours: readonly WorkingPeriod[],
): [number, number][] {
  const midnight = shanghaiMidnight(day);
  return hours.map(({ from, to }) => [
    midnight + minutesOfDay(from) * MINUTE_MS,
    midnight + minutesOfDay(to) * MINUTE_MS,
  ]);
}

/**
 * The instant `minutes` of working time after `startMs`: time counts only
 * inside the working hours of working days. A start outside working hours
 * counts from the next working period. `minutes` must be positive.
 */
export function addWorkingMinutes(
  startMs: number,
  minutes: number,
  hours: readonly WorkingPeriod[],
  calendar: WorkingCalendar,
): number {
  let remaining = minutes * MINUTE_MS;
  let day = shanghaiDayOf(startMs);
  for (let searched = 0; searched < MAX_DAYS_SEARCHED; searched++) {
    if (calendar.isWorkingDay(day)) {
      for (const [open, close] of periodsOn(day, hours)) {
        const from = Math.max(open, startMs);
        if (from >= close) continue;
        if (remaining <= close - from) return from + remaining;
        remaining -= close - from;
      }
    }
    day = nextDay(day);
  }
  throw new NoWorkingTimeError(new Date(startMs).toISOString());
}

/**
 * The close of the working day `startMs` falls in: the end of that day's
 * last working period if it has not passed yet, otherwise the close of
 * the next working day.
 */
export function endOfWorkingDay(
  startMs: number,
  hours: readonly WorkingPeriod[],
  calendar: WorkingCalendar,
): number {
  let day = shanghaiDayOf(startMs);
  for (let searched = 0; searched < MAX_DAYS_SEARCHED; searched++) {
    if (calendar.isWorkingDay(day) && hours.length > 0) {
      const periods = periodsOn(day, hours);
      const close = periods[periods.length - 1][1];
      if (close > startMs) return close;
    }
    day = nextDay(day);
  }
  throw new NoWorkingTimeError(new Date(startMs).toISOString());
}
