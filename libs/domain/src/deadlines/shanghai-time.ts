// China has kept UTC+8 all year since 1991, so Shanghai wall-clock time
// is a fixed offset from UTC. The domain does no time-zone lookups: a
// zone database is I/O of a kind, and this one answer never changes.
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

export { DAY_MS, MINUTE_MS };

/** The Shanghai calendar day of an instant, `YYYY-MM-DD`. */
export function shanghaiDayOf(instantMs: number): string {
  return new Date(instantMs + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai day starts (00:00 local). */
export function shanghaiMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) - OFFSET_MS;
}

/** The next calendar day, `YYYY-MM-DD`. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS)
    .toISOString()
    .slice(0, 10);
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes after midnight of `HH:MM`; `24:00` is the end of the day. */
export function minutesOfDay(hhmm: string): number {
  if (!HH_MM.test(hhmm)) throw new RangeError(`Not a HH:MM time: ${hhmm}`);
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

export function isClockTime(value: unknown): value is string {
  return typeof value === 'string' && HH_MM.test(value);
}
