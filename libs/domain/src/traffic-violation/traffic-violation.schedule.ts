import {
  DAY_MS,
  minutesOfDay,
  nextDay,
  shanghaiDayOf,
  shanghaiMidnight,
} from '../deadlines/shanghai-time';
import type { WorkingCalendar } from '../deadlines/working-calendar.port';

/** 每周一、周四 (3.1, 4.1): ISO weekdays, Monday = 1. */
export const VIOLATION_ENTRY_WEEKDAYS: readonly number[] = [1, 4];

const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/** The Shanghai weekday of an instant: 1 Monday … 7 Sunday. */
export function shanghaiWeekday(instant: string): number {
  const day = new Date(Date.parse(instant) + 8 * 3600_000).getUTCDay();
  return day === 0 ? 7 : day;
}

export function weekdayName(isoWeekday: number): string {
  return WEEKDAY_NAMES[isoWeekday % 7];
}

/** `day` plus `n` calendar days, `YYYY-MM-DD`. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

/** The instant of `HH:MM` Shanghai time on `day`, ISO-8601 UTC. */
export function atShanghai(day: string, hhmm: string): string {
  return new Date(
    shanghaiMidnight(day) + minutesOfDay(hhmm) * 60_000,
  ).toISOString();
}

// A year of holidays and weekends never runs this long; a calendar that
// does is broken, and a deadline must not be pushed out without end.
const MAX_SEARCH_DAYS = 60;

/** `day` if it is a working day, else the first working day after it. */
export function firstWorkingDayFrom(
  day: string,
  calendar: WorkingCalendar,
): string {
  let candidate = day;
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    if (calendar.isWorkingDay(candidate)) return candidate;
    candidate = nextDay(candidate);
  }
  throw new RangeError(
    `No working day within ${MAX_SEARCH_DAYS} days of ${day}`,
  );
}

/**
 * When each day-counted step of P23 用户违章处理流程 falls due (4.2, 4.4,
 * and the days 8 and 12 of duties 3.4–3.5), decided once at entry and
 * recorded, so a later calendar never moves a case already running. Day 0
 * is the Shanghai day of entry (the manual does not name the day counted
 * from).
 */
export interface ViolationSchedule {
  day0: string;
  /** 连续发送三天短信: day 0 at entry, days 1 and 2 at the due time. */
  smsDueAt: [string, string, string];
  /** 在前三天: the e-mail push window closes at the start of day 3. */
  pushWindowEndsAt: string;
  /** Day 3: users without materials go to the reminder specialist. */
  reminderDueAt: string;
  /** 第八天: the warning call. */
  warningDueAt: string;
  /** 第十二天, moved to the next working day: risk control's call. */
  riskCallDay: string;
  riskCallDueAt: string;
}

export interface ViolationTimes {
  /** Shanghai wall-clock time a day's step falls due, `HH:MM`. */
  dueTime: string;
}

export const DEFAULT_VIOLATION_TIMES: ViolationTimes = { dueTime: '09:00' };

/**
 * The reading taken: days are calendar days on the Shanghai calendar. The
 * centre's own steps (SMS, e-mail, reminder and warning calls) run every
 * day, as the hotline is staffed every day; risk control and finance are
 * office posts, so their day moves to the next working day of China's
 * calendar (public holidays skipped, make-up working days counted).
 */
export function violationSchedule(
  enteredAt: string,
  calendar: WorkingCalendar,
  times: ViolationTimes = DEFAULT_VIOLATION_TIMES,
): ViolationSchedule {
  const day0 = shanghaiDayOf(Date.parse(enteredAt));
  const at = (n: number) => atShanghai(addDays(day0, n), times.dueTime);
  const riskCallDay = firstWorkingDayFrom(addDays(day0, 12), calendar);
  return {
    day0,
    smsDueAt: [new Date(enteredAt).toISOString(), at(1), at(2)],
    pushWindowEndsAt: new Date(
      shanghaiMidnight(addDays(day0, 3)),
    ).toISOString(),
    reminderDueAt: at(3),
    warningDueAt: at(8),
    riskCallDay,
    riskCallDueAt: atShanghai(riskCallDay, times.dueTime),
  };
}

/**
 * 三天过后如果未处理将扣除押金: three calendar days after the day risk
 * control called, moved to the next working day (finance acts then).
 */
export function deductionDueAfter(
  calledAt: string,
  calendar: WorkingCalendar,
  times: ViolationTimes = DEFAULT_VIOLATION_TIMES,
): { day: string; dueAt: string } {
  const called = shanghaiDayOf(Date.parse(calledAt));
  const day = firstWorkingDayFrom(addDays(called, 3), calendar);
  return { day, dueAt: atShanghai(day, times.dueTime) };
}

/** Day number of an instant in the case: 0 on the day of entry. */
export function caseDay(schedule: ViolationSchedule, instant: string): number {
  const today = shanghaiDayOf(Date.parse(instant));
  return Math.round(
    (Date.parse(`${today}T00:00:00Z`) -
      Date.parse(`${schedule.day0}T00:00:00Z`)) /
      DAY_MS,
  );
}
