import { SHANGHAI } from '@opsdesk/platform';
import { DateTime } from 'luxon';
import { InvalidTimeError } from '../cli/audit-errors';

/** Milliseconds too: two events of one ticket are often within a second. */
const DISPLAY = 'yyyy-MM-dd HH:mm:ss.SSS';

// Since 1992 Shanghai keeps UTC+8 all year (China dropped summer time
// after 1991), so later instants need no zone database: an export of a
// long log formats every event, and this keeps that cheap.
const FIXED_OFFSET_SINCE = Date.parse('1992-01-01T00:00:00Z');
const UTC_PLUS_8 = 8 * 3600 * 1000;

/** `2026-12-04 09:05:09.000`: an instant on a Shanghai wall clock. */
export function formatShanghai(instant: string): string {
  const ms = Date.parse(instant);
  if (ms >= FIXED_OFFSET_SINCE) {
    const wall = new Date(ms + UTC_PLUS_8).toISOString();
    return `${wall.slice(0, 10)} ${wall.slice(11, 23)}`;
  }
  return DateTime.fromISO(instant, { zone: 'utc' })
    .setZone(SHANGHAI)
    .toFormat(DISPLAY);
}

// A time of day with an explicit zone: `Z`, `+08:00`, `+0800` or `+08`.
const HAS_ZONE =
  /[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;

// A Shanghai wall-clock time, as people type it and as history prints it.
const WALL_CLOCK =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/**
 * The instant (ISO-8601 UTC) a command-line time names. A time with a
 * zone is taken as written; one without is a Shanghai wall-clock time,
 * and a bare date is the start of that Shanghai day.
 */
export function parseInstant(text: string, option: string): string {
  const trimmed = text.trim();
  const parsed = HAS_ZONE.test(trimmed)
    ? withZone(trimmed)
    : wallClock(trimmed);
  if (!parsed?.isValid) throw new InvalidTimeError(option, text);
  return parsed.toUTC().toISO() as string;
}

function withZone(text: string): DateTime | undefined {
  const iso = DateTime.fromISO(text.replace(' ', 'T'), { setZone: true });
  return iso.isValid ? iso : undefined;
}

function wallClock(text: string): DateTime | undefined {
  const match = WALL_CLOCK.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction] = match;
  return DateTime.fromObject(
    {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour ?? 0),
      minute: Number(minute ?? 0),
      second: Number(second ?? 0),
      millisecond: fraction ? Number(fraction.padEnd(3, '0')) : 0,
    },
    { zone: SHANGHAI },
  );
}
