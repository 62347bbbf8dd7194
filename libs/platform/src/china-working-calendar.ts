import { getHolidaysInRange, isWorkday } from 'chinese-days';

/** `2026` from `2026-10-01`. */
function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/** The years the package has the State Council's published calendar for. */
function publishedYears(): { first: number; last: number } {
  const years = getHolidaysInRange('2004-01-01', '2099-12-31', false).map(
    yearOf,
  );
  return { first: Math.min(...years), last: Math.max(...years) };
}

/**
 * China's working days from the `chinese-days` package: weekdays, minus
 * public holidays, plus the make-up working days (调休) on weekends. The
 * shape matches the domain's `WorkingCalendar` port.
 */
export class ChinaWorkingCalendar {
  readonly years = publishedYears();

  /** `day` is a Shanghai calendar date, `YYYY-MM-DD`. */
  isWorkingDay(day: string): boolean {
    return isWorkday(day);
  }

  /**
   * Whether the package holds the published calendar for the day's year.
   * Outside it, `isWorkingDay` knows only weekends.
   * TODO(#6): refuse or warn on deadlines past the last published year
   * once the operator says which; today they fall back to weekdays.
   */
  covers(day: string): boolean {
    const year = yearOf(day);
    return year >= this.years.first && year <= this.years.last;
  }
}
