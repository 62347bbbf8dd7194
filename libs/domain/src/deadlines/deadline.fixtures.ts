import type { WorkingCalendar } from './working-calendar.port';

/**
 * The 2025 National Day holiday as the State Council published it: 1–8
 * October off, Sunday 28 September and Saturday 11 October worked
 * instead (国办发明电〔2024〕12号). Other days: Monday to Friday.
 */
const HOLIDAYS = new Set([
  '2025-10-01',
  '2025-10-02',
  '2025-10-03',
  '2025-10-04',
  '2025-10-05',
  '2025-10-06',
  '2025-10-07',
  '2025-10-08',
]);
const MAKE_UP_WORKING_DAYS = new Set(['2025-09-28', '2025-10-11']);

export const nationalDay2025: WorkingCalendar = {
  isWorkingDay(day) {
    if (HOLIDAYS.has(day)) return false;
    if (MAKE_UP_WORKING_DAYS.has(day)) return true;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday >= 1 && weekday <= 5;
  },
};

/** Shanghai wall-clock time as an ISO instant: `sh('2025-09-30 17:00')`. */
export function sh(local: string): string {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();
}
