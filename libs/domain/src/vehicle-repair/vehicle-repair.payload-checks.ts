import { FieldChecks, type DecisionContext } from '../shared';

/** The checks of one command's payload, and the payload if it is an object. */
export function payloadChecks(payload: unknown) {
  const checks = new FieldChecks();
  const p = checks.record('payload', payload) ? payload : undefined;
  return { checks, p };
}

/** Absent, or a whole number of 0 or more. */
export function optionalCount(
  checks: FieldChecks,
  field: string,
  value: unknown,
): boolean {
  if (value === undefined) return true;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
    return true;
  }
  checks.fail(field, 'must be a whole number, 0 or more');
  return false;
}

/** Absent, or a list of non-blank strings. */
export function optionalTextList(
  checks: FieldChecks,
  field: string,
  value: unknown,
): boolean {
  if (value === undefined) return true;
  if (
    Array.isArray(value) &&
    value.every((item) => typeof item === 'string' && item.trim() !== '')
  ) {
    return true;
  }
  checks.fail(field, 'must be a list of non-blank strings');
  return false;
}

/**
 * A plate as compared, never as stored: full-width forms folded (NFKC),
 * the separator dot, spaces and hyphens dropped, letters upper-cased, so
 * `沪A·D12345` and `沪ad 12345` are the same car.
 */
export function plateKey(plate: string): string {
  return plate
    .normalize('NFKC')
    .replace(/[\s·•.\-]/g, '')
    .toUpperCase();
}
