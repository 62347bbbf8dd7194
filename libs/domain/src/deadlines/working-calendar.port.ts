/**
 * Which Shanghai calendar days are working days: weekdays minus public
 * holidays plus make-up working days. An adapter outside the domain wraps
 * the published calendar; tests pass a fixed one.
 */
export interface WorkingCalendar {
  /** `day` is `YYYY-MM-DD` on the Shanghai calendar. */
  isWorkingDay(day: string): boolean;
}
