import { InvalidCommandDataError, type FieldProblem } from './domain-errors';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A string with something in it besides white space (full-width too) and
 * invisible format characters (zero-width spaces and joiners, direction
 * marks, soft hyphens: Unicode's Cf), which a screen shows as nothing.
 */
export function isNonBlankString(value: unknown): value is string {
  return typeof value === 'string' && /[^\s\p{Cf}]/u.test(value);
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * `2026-03-02T09:15:00Z` or `2026-03-02T17:15:00.250+08:00`: a full
 * date and time with seconds and a zone. Checked field by field because
 * `Date.parse` accepts impossible days such as 30 February.
 */
export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_INSTANT.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offH, offM] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offH <= 14 &&
    offM <= 59
  );
}

/**
 * How far before the decision a time told by a person may lie. Calls,
 * mails and faults reach the desk within days; a year back is a slip of
 * the keyboard (1900 for 2026), and lists that put the oldest first
 * would show it ahead of every real one.
 */
export const OLDEST_PAST_MS = 366 * 24 * 60 * 60 * 1000;

const PHONE = /^\+?\d[\d -]*$/;

/**
 * Digits with an optional leading `+`, spaces and hyphens between them,
 * 5 to 20 digits in all: `021-6888 8888`, `+86 138 0013 8000`, `95519`.
 */
export function isPhoneNumber(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  if (!PHONE.test(trimmed) || /[ -]$/.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, '').length;
  return digits >= 5 && digits <= 20;
}

/**
 * Collects every failing field of a command, so that one refusal lists
 * them all instead of one per attempt.
 */
export class FieldChecks {
  readonly problems: FieldProblem[] = [];

  fail(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  record(field: string, value: unknown): value is Record<string, unknown> {
    return this.check(isRecord(value), field, 'must be an object');
  }

  nonBlank(field: string, value: unknown): value is string {
    return this.check(
      isNonBlankString(value),
      field,
      'must be a non-blank string',
    );
  }

  /** Absent, or a non-blank string. */
  optionalNonBlank(field: string, value: unknown): boolean {
    return value === undefined || this.nonBlank(field, value);
  }

  /** Absent, or any string (free-text notes may be empty). */
  optionalString(field: string, value: unknown): boolean {
    return this.check(
      value === undefined || typeof value === 'string',
      field,
      'must be a string when given',
    );
  }

  boolean(field: string, value: unknown): value is boolean {
    return this.check(typeof value === 'boolean', field, 'must be a boolean');
  }

  oneOf<T extends string>(
    field: string,
    value: unknown,
    allowed: readonly T[],
  ): value is T {
    return this.check(
      allowed.includes(value as T),
      field,
      `must be one of: ${allowed.join(', ')}`,
    );
  }

  isoInstant(field: string, value: unknown): value is string {
    return this.check(
      isIsoInstant(value),
      field,
      'must be an ISO-8601 instant with seconds and a zone',
    );
  }

  /**
   * An instant that has happened by `now` (the decision's time), within
   * the year before it (OLDEST_PAST_MS), unless `anyAge`: a time a machine
   * gave, not a person.
   */
  pastInstant(
    field: string,
    value: unknown,
    now: string,
    options: { anyAge?: boolean } = {},
  ): value is string {
    if (!this.isoInstant(field, value)) return false;
    const elapsed = Date.parse(now) - Date.parse(value);
    return (
      this.check(elapsed >= 0, field, 'must not be after the decision time') &&
      this.check(
        options.anyAge === true || elapsed <= OLDEST_PAST_MS,
        field,
        'must not be more than a year before the decision time',
      )
    );
  }

  phoneNumber(field: string, value: unknown): value is string {
    return this.check(
      isPhoneNumber(value),
      field,
      'must be a phone number: digits, optional leading +, spaces or hyphens between them, 5 to 20 digits',
    );
  }

  absent(field: string, value: unknown, reason: string): boolean {
    return this.check(value === undefined, field, `must be absent ${reason}`);
  }

  /** Refuses the command if any check failed. */
  throwIfAny(command: string): void {
    if (this.problems.length > 0) {
      throw new InvalidCommandDataError(command, [...this.problems]);
    }
  }

  private check(passed: boolean, field: string, message: string): boolean {
    if (!passed) this.fail(field, message);
    return passed;
  }
}
