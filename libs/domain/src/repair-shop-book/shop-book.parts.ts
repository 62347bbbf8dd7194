import { FieldChecks } from '../shared';
import type { PartCounts } from './shop-book.commands';

/**
 * A part number: a letter or digit (any script), then letters, digits,
 * `-`, `_` or `.`, 64 at most. Nothing that starts with `_` or holds a
 * space, so no key can reach an object's prototype (`__proto__`).
 */
const PART_CODE = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,63}$/u;

/** More kinds of part than any one booking or shop's stock list needs. */
export const MAX_PART_KINDS = 200;

/**
 * Checks a record of part counts: every key a part number, every count a
 * whole number from `min` to `max`, at most `MAX_PART_KINDS` kinds.
 * Returns whether it passed.
 */
export function checkPartCountsField(
  checks: FieldChecks,
  field: string,
  value: unknown,
  min: number,
  max: number,
): boolean {
  if (!checks.record(field, value)) return false;
  const before = checks.problems.length;
  const entries = Object.entries(value);
  if (entries.length > MAX_PART_KINDS) {
    checks.fail(field, `must list at most ${MAX_PART_KINDS} kinds of part`);
    return false;
  }
  for (const [part, count] of entries) {
    if (!PART_CODE.test(part)) {
      checks.fail(
        `${field}.${part.slice(0, 64)}`,
        'is not a part number (letters, digits, - _ .)',
      );
    } else if (
      !Number.isSafeInteger(count) ||
      (count as number) < min ||
      (count as number) > max
    ) {
      checks.fail(
        `${field}.${part}`,
        `must be a whole number from ${min} to ${max}`,
      );
    }
  }
  return checks.problems.length === before;
}

/** The count of a part, 0 when the record does not hold it as its own. */
export function countOf(parts: PartCounts, part: string): number {
  return Object.hasOwn(parts, part) ? parts[part] : 0;
}
