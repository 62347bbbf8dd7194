import { FieldChecks, type DecisionContext } from '../shared';

/** The command's payload as a record, with a collector for its problems. */
export function payloadChecks(payload: unknown) {
  const checks = new FieldChecks();
  const p = checks.record('payload', payload) ? payload : undefined;
  return { checks, p };
}

/** A non-empty list of names, each non-blank, none twice. */
export function names(
  checks: FieldChecks,
  field: string,
  value: unknown,
): value is string[] {
  if (!Array.isArray(value) || value.length === 0) {
    checks.fail(field, 'must be a non-empty list of names');
    return false;
  }
  let ok = true;
  value.forEach((name, index) => {
    ok = checks.nonBlank(`${field}.${index}`, name) && ok;
  });
  if (ok && new Set(value).size !== value.length) {
    checks.fail(field, 'must not name anyone twice');
    return false;
  }
  return ok;
}

export const utc = (instant: string) => new Date(instant).toISOString();
